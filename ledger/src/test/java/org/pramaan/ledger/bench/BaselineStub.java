package org.pramaan.ledger.bench;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.pramaan.chaincode.stub.PeerlessStub;

/**
 * The benchmark's baseline stub: one transaction over an in-memory world state (a sorted map), with Fabric's read
 * semantics where the contract can tell (reads see the state before the transaction, writes reach the map on
 * {@link #commit()}, scans in key order, history from a per-key list). No protocol at all: no proposal, no
 * signatures, no gRPC, no block, no database; what the contract alone costs.
 */
final class BaselineStub extends PeerlessStub {

    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final NavigableMap<String, byte[]> state;
    private final Map<String, List<KeyModification>> history;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private ChaincodeEvent event;

    BaselineStub(NavigableMap<String, byte[]> state, Map<String, List<KeyModification>> history, String txId,
                 Instant timestamp, byte[] creator, List<String> functionAndArguments) {
        super("the anchoring benchmark's in-process baseline", functionAndArguments);
        this.state = state;
        this.history = history;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator;
    }

    /** Applies the write set and keeps the history, as the peer's commit would. */
    void commit() {
        for (Map.Entry<String, byte[]> write : writes.entrySet()) {
            if (write.getValue() == null) {
                state.remove(write.getKey());
            } else {
                state.put(write.getKey(), write.getValue());
            }
            history.computeIfAbsent(write.getKey(), k -> new ArrayList<>())
                    .add(0, new HistoryEntry(txId, write.getValue(), timestamp, write.getValue() == null));
        }
    }

    int writeCount() {
        return writes.size();
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return "pramaan";
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public String getMspId() {
        return "GovMSP";
    }

    @Override
    public byte[] getState(String key) {
        byte[] value = state.get(key);
        return value == null ? new byte[0] : value.clone();
    }

    @Override
    public void putState(String key, byte[] value) {
        writes.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        writes.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        return scan(startKey == null ? "" : startKey, endKey == null || endKey.isEmpty() ? MAX_UNICODE_RUNE : endKey,
                Integer.MAX_VALUE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
                                                                                    int pageSize, String bookmark) {
        String from = bookmark == null || bookmark.isEmpty() ? startKey : bookmark;
        return scan(from, endKey == null || endKey.isEmpty() ? MAX_UNICODE_RUNE : endKey, pageSize);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        return getStateByPartialCompositeKey(compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey) : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String prefix = compositeKey.toString();
        return scan(prefix, prefix + MAX_UNICODE_RUNE, Integer.MAX_VALUE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = compositeKey.toString();
        String from = bookmark == null || bookmark.isEmpty() ? prefix : bookmark;
        return scan(from, prefix + MAX_UNICODE_RUNE, pageSize);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        return new Results<>(List.copyOf(history.getOrDefault(key, List.of())), null);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId)
                .setChaincodeId("pramaan");
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public byte[] getBinding() {
        throw new UnsupportedOperationException("bindings");
    }

    private Results<KeyValue> scan(String from, String to, int limit) {
        List<KeyValue> page = new ArrayList<>();
        String next = "";
        for (Map.Entry<String, byte[]> e : state.subMap(from, true, to, false).entrySet()) {
            if (page.size() == limit) {
                next = e.getKey();
                break;
            }
            page.add(new StateEntry(e.getKey(), e.getValue()));
        }
        return new Results<>(page, QueryResponseMetadata.newBuilder().setFetchedRecordsCount(page.size())
                .setBookmark(next).build());
    }

    private static final class Results<T> implements QueryResultsIteratorWithMetadata<T>, QueryResultsIterator<T> {
        private final List<T> items;
        private final QueryResponseMetadata metadata;

        Results(List<T> items, QueryResponseMetadata metadata) {
            this.items = items;
            this.metadata = metadata;
        }

        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public void close() {
        }
    }
}
