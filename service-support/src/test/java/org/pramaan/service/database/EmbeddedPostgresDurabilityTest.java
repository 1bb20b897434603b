package org.pramaan.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL that {@code ./pramaan up} and the services run keeps what it acknowledged.
 * Before, it ran with the embedded library's test defaults (fsync and synchronous_commit off), and
 * approvals answered 200 were gone after PostgreSQL was killed.
 */
class EmbeddedPostgresDurabilityTest {

    @TempDir
    Path temp;

    @Test
    void theRunConfigurationIsDurable() throws SQLException {
        try (ServiceDatabase database = ServiceDatabase.builder("issuer").embeddedDirectory(temp.resolve("pg")).open();
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
            assertThat(show(s, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void aTestMayAskForSpeedByName() throws SQLException {
        try (ServiceDatabase database = ServiceDatabase.builder("test")
                .embeddedDurability(EmbeddedPostgresServer.Durability.FAST).open();
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("off");
            assertThat(show(s, "synchronous_commit")).isEqualTo("off");
        }
    }

    /** Every PostgreSQL process killed at once (kill -9) while commits are being acknowledged: none is lost. */
    @Test
    void everyAcknowledgedCommitSurvivesKillMinusNine() throws Exception {
        Path data = temp.resolve("killed");
        List<Integer> acknowledged = new ArrayList<>();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        DatabaseUrl url = server.database("postgres");
        try (Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE approval (id int PRIMARY KEY, payload text NOT NULL)");
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                 PreparedStatement insert = c.prepareStatement("INSERT INTO approval VALUES (?, ?)")) {
                for (int id = 0; id < 1_000_000; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "approved " + id);
                    insert.executeUpdate(); // auto-commit: the commit is acknowledged when this returns
                    synchronized (acknowledged) {
                        acknowledged.add(id);
                    }
                }
            } catch (SQLException expected) {
                // PostgreSQL was killed under it.
            }
        });
        awaitAcknowledged(acknowledged, 300);
        killEveryPostgresProcess(data);
        writer.get(30, TimeUnit.SECONDS);
        try {
            server.close();
        } catch (RuntimeException alreadyDead) {
            // pg_ctl stop finds nothing to stop.
        }

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(data, 0)) {
            DatabaseUrl again = restarted.database("postgres");
            Set<Integer> stored = new HashSet<>();
            try (Connection c = java.sql.DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM approval")) {
                while (rs.next()) {
                    stored.add(rs.getInt(1));
                }
            }
            synchronized (acknowledged) {
                assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
                assertThat(stored).as("every commit acknowledged before the kill is still there")
                        .containsAll(acknowledged);
            }
        }
    }

    private static void awaitAcknowledged(List<Integer> acknowledged, int count) {
        await("the writer gets " + count + " commits acknowledged").atMost(Duration.ofSeconds(60)).until(() -> {
            synchronized (acknowledged) {
                return acknowledged.size() >= count;
            }
        });
    }

    /**
     * The postmaster's pid is the first line of postmaster.pid; its descendants are the backends and
     * writers. Each is killed by pid (SIGKILL), never by process group: a group kill could reach
     * processes that merely share the test's group.
     */
    private static void killEveryPostgresProcess(Path data) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle handle = ProcessHandle.of(postmaster)
                .orElseThrow(() -> new AssertionError("postmaster " + postmaster + " is not running"));
        List<ProcessHandle> all = new ArrayList<>(handle.descendants().toList());
        all.add(handle);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
