package org.pramaan.ledger.dev;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.pramaan.chaincode.stub.PeerlessStub;

/**
 * The stub a contract sees inside DevLedger: reads come from committed PostgreSQL state and are
 * recorded with their versions, writes and the event are held until commit. As on a Fabric peer, a
 * transaction does not read its own writes. Private data and rich queries are not offered: the
 * Pramaan contract uses neither, and a call to them is a bug to surface, not to emulate.
 */
final class SimulationStub extends PeerlessStub {

    /** The greatest code point: Fabric's upper bound for a partial composite key scan. */
    private static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final StateReader state;
    private final String channel;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final ReadSet reads = new ReadSet();
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private ChaincodeEvent event;

    SimulationStub(StateReader state, String channel, String txId, Instant timestamp, byte[] creator, String mspId,
                   List<String> functionAndArguments) {
        super("DevLedger", functionAndArguments);
        this.state = Objects.requireNonNull(state, "state");
        this.channel = channel;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        this.mspId = mspId;
    }

    ReadSet reads() {
        return reads;
    }

    /** Key to new value, or to null for a deletion, in the order written. */
    Map<String, byte[]> writes() {
        return Collections.unmodifiableMap(writes);
    }

    ChaincodeEvent event() {
        return event;
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return channel;
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
    public String getMspId() {
        return mspId;
    }

    @Override
    public byte[] getState(String key) {
        requireKey(key);
        var found = state.get(key);
        reads.key(key, found.map(StateReader.Versioned::version).orElse(ReadSet.ABSENT));
        return found.map(StateReader.Versioned::value).orElse(new byte[0]);
    }

    @Override
    public void putState(String key, byte[] value) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        writes.put(key, value.clone());
    }

    @Override
    public void delState(String key) {
        requireKey(key);
        writes.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        return scan(startKey, endKey, Integer.MAX_VALUE - 1, "");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
                                                                                    int pageSize, String bookmark) {
        return scan(startKey, endKey, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        return getStateByPartialCompositeKey(CompositeKey.parseCompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String prefix = compositeKey.toString();
        return scan(prefix, prefix + MAX_UNICODE_RUNE, Integer.MAX_VALUE - 1, "");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = compositeKey.toString();
        return scan(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
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
        requireKey(key);
        List<KeyModification> modifications = new ArrayList<>();
        for (StateReader.Modification m : state.history(key)) {
            modifications.add(new HistoryEntry(m.txId(), m.value(), m.timestamp(), m.deleted()));
        }
        return new Results<>(modifications, null);
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name cannot be blank");
        }
        event = ChaincodeEvent.newBuilder().setEventName(name).setTxId(txId)
                .setPayload(com.google.protobuf.ByteString.copyFrom(payload == null ? new byte[0] : payload)).build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    private Results<KeyValue> scan(String start, String end, int pageSize, String bookmark) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        String from = bookmark == null || bookmark.isEmpty() ? (start == null ? "" : start) : bookmark;
        List<StateReader.Versioned> found = state.range(from, end == null ? "" : end, pageSize + 1);
        List<StateReader.Versioned> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
        reads.range(from, end, pageSize + 1, found);
        String next = found.size() > pageSize ? found.get(pageSize).key() : "";
        List<KeyValue> items = page.stream().<KeyValue>map(v -> new StateEntry(v.key(), v.value())).toList();
        return new Results<>(items, QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(items.size()).setBookmark(next).build());
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key cannot be null or empty");
        }
    }

    private static final class Results<T> implements QueryResultsIteratorWithMetadata<T>, QueryResultsIterator<T> {
        private final List<T> items;
        private final QueryResponseMetadata metadata;

        Results(List<T> items, QueryResponseMetadata metadata) {
            this.items = List.copyOf(items);
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
            // Results are read eagerly; nothing to release.
        }
    }
}
