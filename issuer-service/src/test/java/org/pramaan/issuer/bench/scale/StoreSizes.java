package org.pramaan.issuer.bench.scale;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bytes on disk per schema (tables, their indexes and TOAST) and per-item arithmetic for the report. */
final class StoreSizes {

    private StoreSizes() {
    }

    static Map<String, Long> bySchema(JdbcClient jdbc) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        jdbc.sql("SELECT n.nspname, sum(pg_total_relation_size(c.oid))::bigint FROM pg_class c"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm')"
                        + " AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
                        + " GROUP BY n.nspname ORDER BY n.nspname")
                .query((rs, i) -> sizes.put(rs.getString(1), rs.getLong(2))).list();
        return sizes;
    }

    static String describe(Map<String, Long> sizes) {
        return sizes.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %,d MB", e.getKey(),
                e.getValue() / (1024 * 1024))).collect(Collectors.joining(", "));
    }

    /** Each part's CPU between two readings, per item, as table cells. */
    static String perItem(Map<String, Double> before, Map<String, Double> after, int items) {
        return after.keySet().stream().map(part -> items == 0 ? "-" : String.format(Locale.ROOT, "%.2f",
                (after.get(part) - before.getOrDefault(part, 0.0)) / items)).collect(Collectors.joining(" | "));
    }
}
