package org.pramaan.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committed side of a one-peer ledger: world state in Fabric's key order, per-key history and
 * the events of committed transactions. Transactions run in {@link InMemoryStub}s and reach this
 * only through {@link InMemoryStub#commit()}, so a failed transaction leaves no trace, as in Fabric.
 */
public final class InMemoryLedger {

    /** One committed write to a key; {@code value} is null for a deletion. */
    public record Modification(String txId, Instant timestamp, byte[] value) {
    }

    /** The event a committed transaction emitted. */
    public record Event(String txId, String name, byte[] payload) {

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final TreeMap<String, byte[]> state = new TreeMap<>(KeyOrder.UTF8);
    private final Map<String, List<Modification>> history = new HashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final List<String> committed = new ArrayList<>();

    public InMemoryStub begin(String txId, Instant timestamp, byte[] creator, List<String> args) {
        if (committed.contains(txId)) {
            throw new IllegalArgumentException("transaction id " + txId + " is already on the ledger");
        }
        return new InMemoryStub(this, txId, timestamp, creator, args);
    }

    public Optional<byte[]> get(String key) {
        byte[] value = state.get(key);
        return value == null ? Optional.empty() : Optional.of(value.clone());
    }

    /** A copy of the whole world state, in key order. */
    public NavigableMap<String, byte[]> snapshot() {
        TreeMap<String, byte[]> copy = new TreeMap<>(KeyOrder.UTF8);
        state.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public List<Event> events() {
        return Collections.unmodifiableList(events);
    }

    public List<String> committedTransactions() {
        return Collections.unmodifiableList(committed);
    }

    NavigableMap<String, byte[]> range(String startInclusive, String endExclusive) {
        if (endExclusive.isEmpty()) {
            return state.tailMap(startInclusive, true);
        }
        if (KeyOrder.UTF8.compare(startInclusive, endExclusive) >= 0) {
            return Collections.emptyNavigableMap();
        }
        return state.subMap(startInclusive, true, endExclusive, false);
    }

    /** Newest first, as Fabric 2.x reports history. */
    List<Modification> history(String key) {
        List<Modification> changes = new ArrayList<>(history.getOrDefault(key, List.of()));
        Collections.reverse(changes);
        return changes;
    }

    void apply(String txId, Instant timestamp, Map<String, byte[]> writes, Event event) {
        writes.forEach((key, value) -> {
            if (value == null) {
                state.remove(key);
            } else {
                state.put(key, value.clone());
            }
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Modification(txId, timestamp, value == null ? null : value.clone()));
        });
        if (event != null) {
            events.add(event);
        }
        committed.add(txId);
    }
}
