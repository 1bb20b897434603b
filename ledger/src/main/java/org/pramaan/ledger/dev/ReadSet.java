package org.pramaan.ledger.dev;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated transaction read, with versions: the commit re-reads each key and re-runs each
 * range, and refuses the transaction if anything changed meanwhile, as Fabric's validation does.
 */
final class ReadSet {

    /** Version 0 stands for "absent": no committed block has number 0 except genesis, which writes nothing. */
    static final long ABSENT = 0;

    /** A range query as run, and the keys and versions it saw. */
    record RangeRead(String start, String end, int limit, Map<String, Long> seen) {
    }

    private final Map<String, Long> keys = new LinkedHashMap<>();
    private final List<RangeRead> ranges = new ArrayList<>();

    void key(String key, long version) {
        keys.putIfAbsent(key, version);
    }

    void range(String start, String end, int limit, List<StateReader.Versioned> results) {
        Map<String, Long> seen = new LinkedHashMap<>();
        results.forEach(r -> seen.put(r.key(), r.version()));
        ranges.add(new RangeRead(start, end, limit, seen));
    }

    Map<String, Long> keys() {
        return keys;
    }

    List<RangeRead> ranges() {
        return ranges;
    }
}
