package org.pramaan.chaincode.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.core.Json;

/**
 * The ledger as one transaction sees it: typed JSON values under composite keys, the transaction's
 * time, and its single event. Create one per transaction.
 *
 * <p>Fabric does not let a transaction read its own writes: {@link #read} always answers with the
 * state before the transaction, so callers keep what they wrote themselves.
 */
public final class WorldState {

    private final ChaincodeStub stub;
    private String eventName;

    public WorldState(ChaincodeStub stub) {
        this.stub = Objects.requireNonNull(stub, "stub");
    }

    /** The proposal's timestamp, the same on every endorser: the only clock a contract may use. */
    public Instant now() {
        Instant timestamp = stub.getTxTimestamp();
        if (timestamp == null) {
            throw new IllegalStateException("the transaction has no timestamp");
        }
        return timestamp;
    }

    public String txId() {
        return stub.getTxId();
    }

    public String key(String objectType, String id) {
        return stub.createCompositeKey(objectType, id).toString();
    }

    public <T> Optional<T> read(String key, Class<T> type) {
        byte[] bytes = stub.getState(key);
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(Json.readState(bytes, type, key));
    }

    public void write(String key, Object value) {
        stub.putState(key, Json.write(value));
    }

    /** Sets the transaction's event. Fabric keeps only the last one set, so a second is a bug here. */
    public void emit(String name, Object payload) {
        if (eventName != null) {
            throw new IllegalStateException("transaction already emits " + eventName + "; cannot also emit " + name);
        }
        stub.setEvent(name, Json.write(payload));
        eventName = name;
    }

    /**
     * A page of the values whose key is {@code objectType} plus one attribute, in key order,
     * starting at the attribute {@code fromAttribute} (empty for the first page).
     */
    public <T> Page<T> page(String objectType, int pageSize, String fromAttribute, Class<T> type) {
        CompositeKey prefix = stub.createCompositeKey(objectType);
        String bookmark = fromAttribute.isEmpty() ? "" : key(objectType, fromAttribute);
        List<T> items = new ArrayList<>();
        String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                     stub.getStateByPartialCompositeKeyWithPagination(prefix, pageSize, bookmark)) {
            for (KeyValue kv : results) {
                items.add(Json.readState(kv.getValue(), type, kv.getKey()));
            }
            QueryResponseMetadata metadata = results.getMetadata();
            next = metadata == null ? "" : metadata.getBookmark();
        }
        if (next.isEmpty()) {
            return new Page<>(items, "");
        }
        List<String> attributes = stub.splitCompositeKey(next).getAttributes();
        if (attributes.size() != 1) {
            throw ErrorCode.CORRUPT_STATE.exception("unexpected key in " + objectType + " listing: '"
                    + Json.printable(next) + "'");
        }
        return new Page<>(items, attributes.get(0));
    }

    /**
     * A page of the values whose key is {@code objectType} plus one attribute starting with
     * {@code attributePrefix}, in key order, from the attribute {@code fromAttribute} (empty: from the
     * first). A partial composite key has whole attributes only and the shim refuses plain ranges
     * over composite keys, so the scan starts at the prefix and stops at the first key past it; the
     * bookmark is empty once the prefix is exhausted. The values come as stored: the contract wrote
     * them as deterministic JSON, and a listing of thousands passes them on without decoding each.
     */
    public Page<byte[]> pageWithin(String objectType, String attributePrefix, int pageSize, String fromAttribute) {
        CompositeKey objectKeys = stub.createCompositeKey(objectType);
        String keyPrefix = objectKeys.toString() + attributePrefix;
        String start = key(objectType, fromAttribute.isEmpty() ? attributePrefix : fromAttribute);
        List<byte[]> items = new ArrayList<>();
        String next = "";
        boolean pastPrefix = false;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                     stub.getStateByPartialCompositeKeyWithPagination(objectKeys, pageSize, start)) {
            for (KeyValue kv : results) {
                if (!kv.getKey().startsWith(keyPrefix)) {
                    pastPrefix = true;
                    break;
                }
                items.add(kv.getValue());
            }
            QueryResponseMetadata metadata = results.getMetadata();
            if (!pastPrefix && metadata != null) {
                next = metadata.getBookmark();
            }
        }
        if (next.isEmpty() || !next.startsWith(keyPrefix)) {
            return new Page<>(items, "");
        }
        return new Page<>(items, stub.splitCompositeKey(next).getAttributes().get(0));
    }

    /** Every write to {@code key}, newest first (Fabric's order since 2.0). */
    public <T> List<Change<T>> history(String key, Class<T> type) {
        List<Change<T>> changes = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = stub.getHistoryForKey(key)) {
            for (KeyModification m : results) {
                T value = m.isDeleted() ? null : Json.readState(m.getValue(), type, key);
                changes.add(new Change<>(m.getTxId(), m.getTimestamp(), m.isDeleted(), value));
            }
        }
        return changes;
    }
}
