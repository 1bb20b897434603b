package org.pramaan.network.chaincode;

import java.util.List;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryResultBytes;

/** One GET_HISTORY_FOR_KEY: the key's changes, newest first, in batches; not part of the read set (as in Fabric). */
final class HistoryCursor implements QueryCursor {

    private final String id;
    private final List<KeyModification> changes;
    private int next;

    HistoryCursor(String id, List<KeyModification> changes, int totalLimit) {
        this.id = id;
        this.changes = List.copyOf(changes.subList(0, Math.min(totalLimit, changes.size())));
    }

    @Override
    public synchronized QueryResponse nextBatch() {
        QueryResponse.Builder response = QueryResponse.newBuilder().setId(id);
        int end = Math.min(changes.size(), next + ChaincodeLimits.QUERY_BATCH);
        for (; next < end; next++) {
            response.addResults(QueryResultBytes.newBuilder().setResultBytes(changes.get(next).toByteString()));
        }
        return response.setHasMore(next < changes.size()).build();
    }

    @Override
    public synchronized boolean finished() {
        return next >= changes.size();
    }
}
