package org.pramaan.service.retention;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Keeps monthly partitions of {@link PartitionedTable}s: makes the current month's and the next ones ahead of time
 * (plain SQL; pg_partman is not available), and drops a month whole once all of it is older than the retention
 * period, but only while it holds no unsettled row: pending work is never dropped. A month kept for that reason is
 * reported and looked at again on the next run.
 *
 * <p>Months are UTC calendar months; a partition of {@code bridge.inbox} for December 2026 is
 * {@code bridge.inbox_p202612}. Partitions named otherwise are left alone. Every change to one table runs under a
 * transaction-scoped advisory lock on that table, so several processes of one service can run this at once.
 */
public final class MonthlyPartitions {

    /** What one run did, per table ({@code schema.name}). */
    public record Report(Map<String, List<String>> created, Map<String, List<String>> dropped,
                         Map<String, Map<String, Long>> kept) {

        /** Unsettled rows in months past the period, which were therefore kept. */
        public long keptRows(String table) {
            return kept.getOrDefault(table, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");
    /**
     * Autovacuum for a month of a queue (a table with unsettled rows): after 1,000 changed rows plus 1% of the month,
     * not PostgreSQL's 20%. Every worked row leaves a dead entry in the partial "pending" indexes the claims walk; at
     * 20% a month of 150,000 messages carried 25,000 of them and each claim of the bridge's outbox read 7,590 buffers
     * (10 ms) to find nothing due; 4 after a VACUUM. The Flyway migrations of the services set the same on the months
     * they made.
     */
    public static final String QUEUE_VACUUM = "autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000";
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final List<PartitionedTable> tables;

    public MonthlyPartitions(DataSource dataSource, List<PartitionedTable> tables) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
    }

    public List<PartitionedTable> tables() {
        return tables;
    }

    /** Partition name (without schema) of {@code table} for {@code month}. */
    public static String partitionName(PartitionedTable table, YearMonth month) {
        return table.name() + "_p" + month.format(SUFFIX);
    }

    /** Makes the partitions of the month of {@code now} and of {@code monthsAhead} months after it, if missing. */
    public Map<String, List<String>> ensure(Instant now, int monthsAhead) {
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Map<String, List<String>> created = new LinkedHashMap<>();
        for (PartitionedTable table : tables) {
            created.put(table.table(), inTransaction(table, c -> {
                List<String> made = new ArrayList<>();
                for (int i = 0; i <= monthsAhead; i++) {
                    if (create(c, table, current.plusMonths(i))) {
                        made.add(partitionName(table, current.plusMonths(i)));
                    }
                }
                return made;
            }));
        }
        return created;
    }

    /** Makes one month's partition (with its local unique indexes) if missing; true if it was made now. */
    public boolean create(Connection c, PartitionedTable table, YearMonth month) throws SQLException {
        String name = partitionName(table, month);
        if (exists(c, table.schema(), name)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table.schema() + "." + name + " PARTITION OF " + table.table()
                    + " FOR VALUES FROM ('" + start(month) + "') TO ('" + start(month.plusMonths(1)) + "')"
                    + (table.unsettled() != null ? " WITH (" + QUEUE_VACUUM + ")" : ""));
            for (PartitionedTable.LocalUnique unique : table.uniques()) {
                s.execute("CREATE UNIQUE INDEX " + name + "_" + unique.suffix() + " ON " + table.schema() + "."
                        + name + " " + unique.definition());
            }
        }
        return true;
    }

    /**
     * Drops every month of every table whose end is at least {@code period} before {@code now} and which holds no
     * unsettled row; months holding one are kept and reported.
     */
    public Report expire(Instant now, Duration period) {
        Instant cutoff = now.minus(period);
        Map<String, List<String>> dropped = new LinkedHashMap<>();
        Map<String, Map<String, Long>> kept = new LinkedHashMap<>();
        for (PartitionedTable table : tables) {
            List<String> gone = new ArrayList<>();
            Map<String, Long> held = new LinkedHashMap<>();
            for (Map.Entry<String, YearMonth> p : partitions(table).entrySet()) {
                Instant end = p.getValue().plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (end.isAfter(cutoff)) {
                    continue;
                }
                long unsettled = inTransaction(table, c -> dropIfSettled(c, table, p.getKey()));
                if (unsettled == 0) {
                    gone.add(p.getKey());
                } else if (unsettled > 0) {
                    held.put(p.getKey(), unsettled);
                }
            }
            dropped.put(table.table(), gone);
            kept.put(table.table(), held);
        }
        return new Report(Map.of(), dropped, kept);
    }

    /** {@link #ensure} then {@link #expire}, as the scheduled job runs them. */
    public Report maintain(Instant now, RetentionSettings settings) {
        Map<String, List<String>> created = ensure(now, settings.monthsAhead());
        if (!settings.enabled()) {
            return new Report(created, Map.of(), Map.of());
        }
        Report expired = expire(now, settings.period());
        return new Report(created, expired.dropped(), expired.kept());
    }

    /** This table's partitions made here (named {@code <table>_pYYYYMM}), oldest first. */
    public Map<String, YearMonth> partitions(PartitionedTable table) {
        Pattern ours = Pattern.compile(Pattern.quote(table.name()) + "_p(\\d{6})");
        Map<String, YearMonth> found = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT child.relname FROM pg_inherits i"
                     + " JOIN pg_class child ON child.oid = i.inhrelid WHERE i.inhparent = ?::regclass")) {
            q.setString(1, table.table());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Matcher m = ours.matcher(rs.getString(1));
                    if (m.matches()) {
                        found.put(rs.getString(1), YearMonth.parse(m.group(1), SUFFIX));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the partitions of " + table.table(), e);
        }
        return found;
    }

    /**
     * In one transaction: blocks writes to the table (for the few milliseconds of a count in one old month),
     * counts the month's unsettled rows, and only if there are none detaches and drops it. Returns the count (0: dropped), or -1 when it vanished meanwhile (another process).
     */
    private static long dropIfSettled(Connection c, PartitionedTable table, String partition) throws SQLException {
        String qualified = table.schema() + "." + partition;
        if (!exists(c, table.schema(), partition)) {
            return -1;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT.toMillis() + "ms'");
            // Parent first, as every writer locks them: the detach below needs the parent exclusively anyway, and
            // taking the month first deadlocked with a worker that held the parent and then reached for the month.
            s.execute("LOCK TABLE ONLY " + table.table() + " IN ACCESS EXCLUSIVE MODE");
            s.execute("LOCK TABLE " + qualified + " IN SHARE MODE");
            if (table.unsettled() != null) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + qualified + " WHERE "
                        + table.unsettled())) {
                    rs.next();
                    long unsettled = rs.getLong(1);
                    if (unsettled > 0) {
                        return unsettled;
                    }
                }
            }
            s.execute("ALTER TABLE " + table.table() + " DETACH PARTITION " + qualified);
            s.execute("DROP TABLE " + qualified);
        }
        return 0;
    }

    private static boolean exists(Connection c, String schema, String name) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_class k JOIN pg_namespace n"
                + " ON n.oid = k.relnamespace WHERE n.nspname = ? AND k.relname = ?")) {
            q.setString(1, schema);
            q.setString(2, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String start(YearMonth month) {
        return month.atDay(1) + " 00:00:00+00";
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(PartitionedTable table, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "pramaan.retention:" + table.table());
                    lock.execute();
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("partition maintenance of " + table.table() + " failed", e);
        }
    }
}
