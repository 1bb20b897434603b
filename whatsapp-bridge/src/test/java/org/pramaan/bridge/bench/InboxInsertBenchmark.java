package org.pramaan.bridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.pramaan.service.database.ServiceDatabase;

/**
 * What retention costs the webhook's insert: one inbox event stored as before (one table, {@code ON CONFLICT
 * (event_key)}) as the baseline, against the partitioned inbox of migration V6 (four kept months, each with its own
 * unique index, and the look across them), both on one embedded PostgreSQL with the same rows already in them.
 * {@code synchronous_commit} is off for both, so the statement is measured rather than the disk's flush (which costs
 * the same either way). Run: {@code java -cp <test classpath> org.pramaan.bridge.bench.InboxInsertBenchmark};
 * prints each result as a multiple of the baseline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InboxInsertBenchmark {

    /** Rows already stored in each table, spread over the four months. */
    private static final int KEPT = 200_000;

    private Path folder;
    private ServiceDatabase database;
    private Connection connection;
    private PreparedStatement flat;
    private PreparedStatement partitioned;
    private final AtomicLong keys = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        folder = Files.createTempDirectory("inbox-bench");
        database = ServiceDatabase.builder("bench").embeddedDirectory(folder.resolve("pg")).poolSize(1).open();
        connection = database.dataSource().getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            s.execute("CREATE TABLE inbox_flat (seq bigserial PRIMARY KEY, event_key text NOT NULL UNIQUE,"
                    + " kind text NOT NULL, citizen_id text, event_time timestamptz NOT NULL, payload text NOT NULL,"
                    + " received_at timestamptz NOT NULL DEFAULT now(), processed_at timestamptz)");
            s.execute("CREATE TABLE inbox_part (seq bigserial, event_key text NOT NULL, kind text NOT NULL,"
                    + " citizen_id text, event_time timestamptz NOT NULL, payload text NOT NULL,"
                    + " received_at timestamptz NOT NULL DEFAULT now(), processed_at timestamptz,"
                    + " PRIMARY KEY (seq, received_at)) PARTITION BY RANGE (received_at)");
            for (int m = -3; m <= 1; m++) {
                String from = "date_trunc('month', now()) + interval '" + m + " months'";
                String name = "inbox_part_m" + (m + 3);
                s.execute("DO $$ BEGIN EXECUTE format('CREATE TABLE " + name + " PARTITION OF inbox_part"
                        + " FOR VALUES FROM (%L) TO (%L)', " + from + ", " + from + " + interval '1 month'); END $$");
                s.execute("CREATE UNIQUE INDEX " + name + "_event_key ON " + name + " (event_key)");
            }
            for (String table : new String[] {"inbox_flat", "inbox_part"}) {
                s.execute("INSERT INTO " + table + " (event_key, kind, event_time, payload, received_at, processed_at)"
                        + " SELECT 'wamid.kept.' || i, 'MESSAGE', now(), '{\"text\":\"kept\"}',"
                        + " date_trunc('month', now()) - interval '3 months' + (i % 100) * interval '1 day', now()"
                        + " FROM generate_series(1, " + KEPT + ") i");
                s.execute("ANALYZE " + table);
            }
            s.execute("SET synchronous_commit = off");
        }
        flat = connection.prepareStatement("INSERT INTO inbox_flat (event_key, kind, citizen_id, event_time, payload)"
                + " VALUES (?, 'MESSAGE', '919800000001', now(), '{\"text\":\"hello\"}')"
                + " ON CONFLICT (event_key) DO NOTHING");
        partitioned = connection.prepareStatement("INSERT INTO inbox_part (event_key, kind, citizen_id, event_time,"
                + " payload) SELECT ?, 'MESSAGE', '919800000001', now(), '{\"text\":\"hello\"}'"
                + " WHERE NOT EXISTS (SELECT 1 FROM inbox_part WHERE event_key = ?) ON CONFLICT DO NOTHING");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        connection.close();
        database.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int baselineOneTable() throws SQLException {
        flat.setString(1, "wamid.new." + keys.incrementAndGet());
        return flat.executeUpdate();
    }

    @Benchmark
    public int partitionedLookAcrossMonths() throws SQLException {
        String key = "wamid.new." + keys.incrementAndGet();
        partitioned.setString(1, key);
        partitioned.setString(2, key);
        return partitioned.executeUpdate();
    }

    public static void main(String[] args) throws RunnerException {
        var results = new Runner(new OptionsBuilder().include(InboxInsertBenchmark.class.getSimpleName())
                .shouldFailOnError(true).build()).run();
        double baseline = results.stream().filter(r -> r.getParams().getBenchmark().endsWith("baselineOneTable"))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElseThrow();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            System.out.printf("%-28s %9.2f us/op  %6.2fx baseline%n", name, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScore() / baseline);
        }
    }
}
