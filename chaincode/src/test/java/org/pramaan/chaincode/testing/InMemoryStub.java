package org.pramaan.chaincode.testing;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.pramaan.chaincode.stub.PeerlessStub;

/**
 * One transaction against an {@link InMemoryLedger}, behaving as Fabric's peer does where the
 * contract can tell: reads see the state before the transaction (never its own writes), range and
 * composite-key scans run in UTF-8 key order, paged scans hand back the next key as bookmark,
 * history is newest first, and writes only reach the ledger on {@link #commit()}.
 *
 * <p>It is stricter than Fabric where laxness would hide a bug: a second event, a paged query in
 * a transaction that writes, and an iterator left open are errors here.
 */
public final class InMemoryStub extends PeerlessStub {

    static final String MAX_UNICODE_RUNE = "\udbff\udfff";
    private static final String UNSPECIFIED_START_KEY = "\u0001";

    private final InMemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    private final Set<Object> openIterators = ConcurrentHashMap.newKeySet();
    private ChaincodeEvent event;
    private boolean pagedQuery;
    private boolean finished;

    InMemoryStub(InMemoryLedger ledger, String txId, Instant timestamp, byte[] creator, List<String> args) {
        super("the in-memory stub", args);
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.txId = Objects.requireNonNull(txId, "txId");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.creator = Objects.requireNonNull(creator, "creator").clone();
    }

    /** Applies the writes and the event to the ledger; the transaction is over. */
    public void commit() {
        finish();
        if (pagedQuery && !writes.isEmpty()) {
            throw new IllegalStateException("transaction " + txId + " writes after a paged query; Fabric refuses that");
        }
        InMemoryLedger.Event committed = event == null ? null
                : new InMemoryLedger.Event(txId, event.getEventName(), event.getPayload().toByteArray());
        ledger.apply(txId, timestamp, writes, committed);
    }

    /** Drops the writes and the event, as Fabric does for a failed or merely evaluated transaction. */
    public void discard() {
        finish();
    }

    /** The writes so far, in the order made; a null value is a deletion. */
    public Map<String, byte[]> pendingWrites() {
        return Collections.unmodifiableMap(writes);
    }

    private void finish() {
        if (finished) {
            throw new IllegalStateException("transaction " + txId + " is already over");
        }
        finished = true;
        if (!openIterators.isEmpty()) {
            throw new IllegalStateException("transaction " + txId + " left " + openIterators.size()
                    + " query iterator(s) open");
        }
    }

    // --- proposal ---------------------------------------------------------------------------

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

    // --- state ------------------------------------------------------------------------------

    @Override
    public byte[] getState(String key) {
        return ledger.get(key).orElse(new byte[0]);
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
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return scan(start, end, Integer.MAX_VALUE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
                                                                                    int pageSize, String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return paged(start, end, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        CompositeKey key = compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey) : new CompositeKey(compositeKey);
        return getStateByPartialCompositeKey(key);
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
        return paged(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
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
        List<KeyModification> modifications = new ArrayList<>();
        for (InMemoryLedger.Modification m : ledger.history(key)) {
            modifications.add(new HistoryEntry(m.txId(), m.value(), m.timestamp(), m.value() == null));
        }
        return new Results<>(modifications, null);
    }

    // --- events -----------------------------------------------------------------------------

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        if (event != null) {
            throw new IllegalStateException("transaction " + txId + " already set event " + event.getEventName()
                    + "; Fabric would silently drop it in favour of " + name);
        }
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

    // --- scans ------------------------------------------------------------------------------

    private Results<KeyValue> scan(String start, String end, int limit) {
        List<KeyValue> page = new ArrayList<>();
        String next = "";
        for (Map.Entry<String, byte[]> e : ledger.range(start, end).entrySet()) {
            if (page.size() == limit) {
                next = e.getKey();
                break;
            }
            page.add(new StateEntry(e.getKey(), e.getValue()));
        }
        QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(page.size()).setBookmark(next).build();
        return new Results<>(page, metadata);
    }

    private Results<KeyValue> paged(String start, String end, int pageSize, String bookmark) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        pagedQuery = true;
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        return scan(from, end, pageSize);
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot not be an empty string");
        }
    }

    private final class Results<T> implements QueryResultsIteratorWithMetadata<T>, QueryResultsIterator<T> {
        private final List<T> items;
        private final QueryResponseMetadata metadata;

        Results(List<T> items, QueryResponseMetadata metadata) {
            this.items = List.copyOf(items);
            this.metadata = metadata;
            openIterators.add(this);
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
            openIterators.remove(this);
        }
    }

    // --- not used by the contract -----------------------------------------------------------

    @Override
    public byte[] getBinding() {
        throw unsupported("bindings");
    }

}
