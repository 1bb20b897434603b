package org.pramaan.network.chaincode;

import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.queryresult.KV;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;
import com.google.protobuf.ByteString;

/**
 * One GET_STATE_BY_RANGE: results in batches of {@link ChaincodeLimits#QUERY_BATCH} with
 * {@code has_more}, or one page with {@link QueryResponseMetadata} when paged
 * (F core/chaincode/query_response_generator.go). It records what it returned as Fabric's results
 * iterator does (F core/ledger/kvledger/txmgmt/txmgr/query_executor.go updateRangeQueryInfo): the
 * raw reads (key, version), {@code end_key} the last key returned while not exhausted (the
 * validator then includes it), or the query's end key and {@code itr_exhausted} once the range ran out.
 * Reads are always raw, never Merkle hashes.
 */
final class RangeCursor implements QueryCursor {

    private final String id;
    private final String namespace;
    private final StateReader state;
    private final String startKey;
    private final String endKey;
    private final int pageSize;
    private final int totalLimit;
    private final List<KVRead> rawReads = new ArrayList<>();
    private String nextKey;
    private String lastReturned;
    private boolean exhausted;
    private boolean finished;

    /** A cursor starting at {@code startKey}; {@code pageSize} 0 for an unpaged query. */
    RangeCursor(String id, String namespace, StateReader state, String startKey, String endKey, int pageSize,
                int totalLimit) {
        this.id = id;
        this.namespace = namespace;
        this.state = state;
        this.startKey = startKey;
        this.endKey = endKey;
        this.pageSize = pageSize;
        this.totalLimit = pageSize > 0 ? Math.min(pageSize, totalLimit) : totalLimit;
        this.nextKey = startKey;
    }

    @Override
    public synchronized QueryResponse nextBatch() {
        if (finished) {
            return QueryResponse.newBuilder().setId(id).setHasMore(false).build();
        }
        int remaining = totalLimit - rawReads.size();
        int want = pageSize > 0 ? remaining : Math.min(ChaincodeLimits.QUERY_BATCH, remaining);
        // One more than we send: whether the range goes on (and the paged bookmark).
        List<VersionedValue> found = state.range(nextKey, endKey, want + 1);
        List<VersionedValue> batch = found.subList(0, Math.min(want, found.size()));
        QueryResponse.Builder response = QueryResponse.newBuilder().setId(id);
        for (VersionedValue value : batch) {
            response.addResults(QueryResultBytes.newBuilder().setResultBytes(KV.newBuilder()
                    .setNamespace(namespace).setKey(value.key()).setValue(ByteString.copyFrom(value.value()))
                    .build().toByteString()));
            rawReads.add(KVRead.newBuilder().setKey(value.key()).setVersion(value.version()).build());
            lastReturned = value.key();
        }
        boolean more = found.size() > batch.size();
        int returnedSoFar = rawReads.size();
        // Fabric calls Next() again, and so finds the end, only while it is below the limit.
        exhausted = !more && returnedSoFar < totalLimit;
        if (pageSize > 0) {
            finished = true;
            String bookmark = more ? found.get(batch.size()).key() : "";
            return response.setHasMore(false).setMetadata(QueryResponseMetadata.newBuilder()
                    .setFetchedRecordsCount(batch.size()).setBookmark(bookmark).build().toByteString()).build();
        }
        if (more && returnedSoFar < totalLimit) {
            nextKey = found.get(batch.size()).key();
            return response.setHasMore(true).build();
        }
        finished = true;
        return response.setHasMore(false).build();
    }

    @Override
    public synchronized boolean finished() {
        return finished;
    }

    synchronized boolean paged() {
        return pageSize > 0;
    }

    synchronized RangeQueryInfo queryInfo() {
        return RangeQueryInfo.newBuilder()
                .setStartKey(startKey)
                .setEndKey(exhausted || lastReturned == null ? endKey : lastReturned)
                .setItrExhausted(exhausted)
                .setRawReads(QueryReads.newBuilder().addAllKvReads(rawReads))
                .build();
    }
}
