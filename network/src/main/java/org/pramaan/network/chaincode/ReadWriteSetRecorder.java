package org.pramaan.network.chaincode;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;

/**
 * Records one simulation's reads, writes and range queries the way Fabric's rwset builder does
 * (F core/ledger/kvledger/txmgmt/rwsetutil/rwset_builder.go): the last read or write of a key
 * wins, reads and writes come out sorted by key, range queries in the order they were made with
 * duplicates (same start, end, exhaustion) dropped. An empty value is a delete.
 */
final class ReadWriteSetRecorder {

    private final Map<String, KVRead> reads = new TreeMap<>(FabricKeys.ORDER);
    private final Map<String, KVWrite> writes = new TreeMap<>(FabricKeys.ORDER);
    private final List<RangeCursor> rangeQueries = new ArrayList<>();

    /** A point read; {@code version} null when the key was absent. */
    synchronized void read(String key, Version version) {
        KVRead.Builder read = KVRead.newBuilder().setKey(key);
        if (version != null) {
            read.setVersion(version);
        }
        reads.put(key, read.build());
    }

    /** A write; an empty value deletes, as F rwsetutil newKVWrite decides. */
    synchronized void write(String key, ByteString value) {
        writes.put(key, KVWrite.newBuilder().setKey(key).setIsDelete(value.isEmpty()).setValue(value).build());
    }

    synchronized void rangeQuery(RangeCursor cursor) {
        rangeQueries.add(cursor);
    }

    /** The namespace's read-write set; range query info is taken as the cursors stand now (F query_executor.go). */
    synchronized KVRWSet build() {
        Map<List<Object>, RangeQueryInfo> infos = new LinkedHashMap<>();
        for (RangeCursor cursor : rangeQueries) {
            RangeQueryInfo info = cursor.queryInfo();
            infos.putIfAbsent(List.of(info.getStartKey(), info.getEndKey(), info.getItrExhausted()), info);
        }
        return KVRWSet.newBuilder()
                .addAllReads(reads.values())
                .addAllRangeQueriesInfo(infos.values())
                .addAllWrites(writes.values())
                .build();
    }
}
