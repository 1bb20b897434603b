package org.pramaan.bridge.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests by kind and answer code (0: the server closed the connection before answering, as it may once it has
 * refused an oversized body), and the answers a kind was not expected to get, with a few examples to read.
 */
final class Tally {

    static final int CONNECTION_CLOSED = 0;
    private static final int EXAMPLES = 20;

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final List<String> unexpected = new ArrayList<>();
    private final LongAdder shed = new LongAdder();

    void record(String kind, Set<Integer> expected, int status, String body) {
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder()).increment();
        if (!expected.contains(status)) {
            synchronized (unexpected) {
                if (unexpected.size() < EXAMPLES) {
                    String shown = body == null ? "" : body.substring(0, Math.min(300, body.length()));
                    unexpected.add(kind + " answered " + status + " (expected " + expected + "): " + shown);
                }
            }
        }
    }

    /** An answer with the expected code but the wrong content. */
    void wrong(String kind, String what) {
        synchronized (unexpected) {
            if (unexpected.size() < EXAMPLES) {
                unexpected.add(kind + ": " + what);
            }
        }
    }

    /** A request the load generator could not start because every worker was busy (the load stays bounded). */
    void shed() {
        shed.increment();
    }

    long shedCount() {
        return shed.sum();
    }

    List<String> unexpected() {
        synchronized (unexpected) {
            return List.copyOf(unexpected);
        }
    }

    long count(String kind, int status) {
        Map<Integer, LongAdder> byStatus = counts.get(kind);
        return byStatus == null || !byStatus.containsKey(status) ? 0 : byStatus.get(status).sum();
    }

    long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    long serverErrors() {
        return counts.values().stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** One line per kind: {@code kind  total  code=count ...}. */
    String table() {
        StringBuilder out = new StringBuilder(String.format("%-28s %7s  %s%n", "request", "count", "answers"));
        new TreeMap<>(counts).forEach((kind, byStatus) -> {
            long total = byStatus.values().stream().mapToLong(LongAdder::sum).sum();
            StringBuilder answers = new StringBuilder();
            new TreeMap<>(byStatus).forEach((status, n) -> answers.append(status == CONNECTION_CLOSED ? "closed"
                    : status.toString()).append('=').append(n.sum()).append(' '));
            out.append(String.format("%-28s %7d  %s%n", kind, total, answers.toString().strip()));
        });
        out.append(String.format("%-28s %7d%n", "total", total()));
        out.append(String.format("%-28s %7d%n", "shed (all workers busy)", shedCount()));
        return out.toString();
    }
}
