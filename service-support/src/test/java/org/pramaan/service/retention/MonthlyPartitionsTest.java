package org.pramaan.service.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.service.database.ServiceDatabase;

/** Monthly partitions on a real embedded PostgreSQL: made ahead, dropped whole when settled, kept when not. */
class MonthlyPartitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final PartitionedTable QUEUE = new PartitionedTable("work.queue", "enqueued_at",
            "done_at IS NULL", List.of(new PartitionedTable.LocalUnique("event_key", "(event_key)")));

    @TempDir
    static Path temp;
    private static ServiceDatabase database;
    private static DataSource data;
    private MonthlyPartitions partitions;

    @BeforeAll
    static void open() {
        database = ServiceDatabase.builder("retention").embeddedDirectory(temp.resolve("pg")).poolSize(4).open();
        data = database.dataSource();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void freshTable() throws SQLException {
        sql("DROP SCHEMA IF EXISTS work CASCADE");
        sql("CREATE SCHEMA work");
        sql("""
                CREATE TABLE work.queue (
                    seq         bigserial,
                    event_key   text NOT NULL,
                    enqueued_at timestamptz NOT NULL DEFAULT now(),
                    done_at     timestamptz,
                    PRIMARY KEY (seq, enqueued_at)
                ) PARTITION BY RANGE (enqueued_at)""");
        partitions = new MonthlyPartitions(data, List.of(QUEUE));
    }

    @Test
    void makesTheCurrentMonthAndTheMonthsAheadOnce() throws SQLException {
        Map<String, List<String>> made = partitions.ensure(NOW, 2);
        assertThat(made.get("work.queue")).containsExactly("queue_p202612", "queue_p202701", "queue_p202702");
        assertThat(partitions.ensure(NOW, 2).get("work.queue")).isEmpty();
        assertThat(partitions.partitions(QUEUE)).containsOnlyKeys("queue_p202612", "queue_p202701", "queue_p202702");
        insert("a", Instant.parse("2027-02-28T23:59:59Z"));
        assertThatThrownBy(() -> insert("b", Instant.parse("2027-03-01T00:00:00Z")))
                .hasMessageContaining("no partition");
        // A queue's months are vacuumed after 1% of changes, not 20% (dead entries in the claims' partial indexes).
        assertThat(reloptions("queue_p202701")).contains("autovacuum_vacuum_scale_factor=0.01",
                "autovacuum_vacuum_threshold=1000");
        // The local unique index refuses a repeat within a month.
        assertThatThrownBy(() -> insert("a", Instant.parse("2027-02-01T00:00:00Z")))
                .hasMessageContaining("duplicate key");
    }

    @Test
    void dropsSettledMonthsPastThePeriodAndKeepsOnesWithPendingWork() throws SQLException {
        for (String month : List.of("2026-07", "2026-08", "2026-09", "2026-10")) {
            makeMonth(YearMonth.parse(month));
        }
        partitions.ensure(NOW, 1);
        insert("july-done", Instant.parse("2026-07-10T00:00:00Z"), true);
        insert("august-done", Instant.parse("2026-08-31T23:00:00Z"), true);
        insert("august-pending", Instant.parse("2026-08-15T00:00:00Z"), false);
        insert("september-done", Instant.parse("2026-09-02T00:00:00Z"), true);
        insert("october-done", Instant.parse("2026-10-02T00:00:00Z"), true);

        // 90 days before 3 December is 4 September: July and August are wholly older, September is not.
        MonthlyPartitions.Report report = partitions.expire(NOW, Duration.ofDays(90));

        assertThat(report.dropped().get("work.queue")).containsExactly("queue_p202607");
        assertThat(report.kept().get("work.queue")).containsExactly(Map.entry("queue_p202608", 1L));
        assertThat(exists("queue_p202607")).isFalse();
        assertThat(keys()).containsExactlyInAnyOrder("august-done", "august-pending", "september-done",
                "october-done");

        // Once the pending row is settled, August goes on the next run.
        sql("UPDATE work.queue SET done_at = now() WHERE event_key = 'august-pending'");
        report = partitions.expire(NOW, Duration.ofDays(90));
        assertThat(report.dropped().get("work.queue")).containsExactly("queue_p202608");
        assertThat(report.kept().get("work.queue")).isEmpty();
        assertThat(exists("queue_p202608")).isFalse();
        assertThat(keys()).containsExactlyInAnyOrder("september-done", "october-done");
    }

    @Test
    void theDedupLookAcrossPartitionsRefusesARepeatFromAnEarlierMonth() throws SQLException {
        makeMonth(YearMonth.parse("2026-11"));
        partitions.ensure(NOW, 0);
        assertThat(insertUnlessSeen("wamid.1", Instant.parse("2026-11-30T23:59:00Z"))).isEqualTo(1);
        assertThat(insertUnlessSeen("wamid.1", Instant.parse("2026-12-01T00:01:00Z"))).isZero();
        assertThat(insertUnlessSeen("wamid.1", Instant.parse("2026-11-30T23:59:30Z"))).isZero();
        assertThat(keys()).containsExactly("wamid.1");
    }

    @Test
    void twoProcessesMaintainingAtOnceDoNotTripOverEachOther() throws Exception {
        makeMonth(YearMonth.parse("2026-06"));
        RetentionSettings settings = new RetentionSettings(true, Duration.ofDays(90), 3, null);
        MonthlyPartitions other = new MonthlyPartitions(data, List.of(QUEUE));
        CompletableFuture<MonthlyPartitions.Report> a = CompletableFuture.supplyAsync(
                () -> partitions.maintain(NOW, settings));
        CompletableFuture<MonthlyPartitions.Report> b = CompletableFuture.supplyAsync(
                () -> other.maintain(NOW, settings));
        MonthlyPartitions.Report first = a.get();
        MonthlyPartitions.Report second = b.get();
        assertThat(first.created().get("work.queue").size() + second.created().get("work.queue").size())
                .isEqualTo(4);
        assertThat(first.dropped().get("work.queue").size() + second.dropped().get("work.queue").size())
                .isEqualTo(1);
        assertThat(partitions.partitions(QUEUE)).containsOnlyKeys("queue_p202612", "queue_p202701",
                "queue_p202702", "queue_p202703");
    }

    /**
     * A worker's transaction writes through the parent table (a lock on the parent, then on the month's partition)
     * while the month is being dropped. The drop must take its locks in the same order, parent first: taking the
     * month first and the parent second deadlocked with such a worker (seen in CI: "deadlock detected").
     */
    @Test
    void droppingAMonthWhileAWorkerWritesThroughTheParentIsNoDeadlock() throws Exception {
        makeMonth(YearMonth.parse("2026-06"));
        partitions.ensure(NOW, 0);
        insert("june", Instant.parse("2026-06-10T00:00:00Z"), true);
        insert("today", NOW);
        try (Connection worker = data.getConnection(); Statement w = worker.createStatement()) {
            worker.setAutoCommit(false);
            // What a worker's UPDATE by key takes first: the parent alone, then each month it cannot prune.
            w.execute("LOCK TABLE ONLY work.queue IN ROW EXCLUSIVE MODE");
            CompletableFuture<MonthlyPartitions.Report> dropping = CompletableFuture.supplyAsync(
                    () -> partitions.expire(NOW, Duration.ofDays(90)));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock() > 0);
            w.executeUpdate("UPDATE work.queue SET done_at = now() WHERE event_key = 'today'");
            worker.commit();
            MonthlyPartitions.Report report = dropping.get();
            assertThat(report.dropped().get("work.queue")).containsExactly("queue_p202606");
        }
        assertThat(exists("queue_p202606")).isFalse();
    }

    private long waitingForALock() throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void makeMonth(YearMonth month) throws SQLException {
        try (Connection c = data.getConnection()) {
            partitions.create(c, QUEUE, month);
        }
    }

    /** The insert the services use: a look across every month, and the month's own unique index for a race. */
    private int insertUnlessSeen(String key, Instant at) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO work.queue (event_key, enqueued_at) SELECT ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM work.queue WHERE event_key = ?) ON CONFLICT DO NOTHING")) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, key);
            return s.executeUpdate();
        }
    }

    private void insert(String key, Instant at) throws SQLException {
        insert(key, at, false);
    }

    private void insert(String key, Instant at, boolean done) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO work.queue (event_key, enqueued_at, done_at) VALUES (?, ?, ?)")) {
            s.setString(1, key);
            s.setTimestamp(2, Timestamp.from(at));
            s.setTimestamp(3, done ? Timestamp.from(at) : null);
            s.executeUpdate();
        }
    }

    private List<String> keys() throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_key FROM work.queue")) {
            List<String> keys = new java.util.ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            return keys;
        }
    }

    private boolean exists(String name) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, "work." + name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A partition's storage parameters as PostgreSQL keeps them ({@code name=value}). */
    private static List<String> reloptions(String partition) throws SQLException {
        try (Connection c = data.getConnection(); var s = c.prepareStatement(
                "SELECT coalesce(reloptions, '{}') FROM pg_class WHERE oid = ('work.' || ?)::regclass")) {
            s.setString(1, partition);
            try (var rs = s.executeQuery()) {
                rs.next();
                return List.of((String[]) rs.getArray(1).getArray());
            }
        }
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
