package org.pramaan.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill: back up while writes go on, destroy the data folder, restore, and everything is there. */
class PhysicalBackupTest {

    @TempDir
    Path temp;

    @Test
    void aBackupTakenUnderWritesRestoresEverythingCommittedBeforeItEnded() throws Exception {
        Path data = temp.resolve("postgres");
        Path backup = temp.resolve("backup");
        int committedBeforeStop; // acknowledged before the backup began: surely in it
        int total;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0)) {
            DatabaseUrl url = server.database("postgres");
            try (Connection c = connect(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA issuer");
                s.execute("CREATE TABLE issuer.certificate (id int PRIMARY KEY, claims text NOT NULL)");
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger committed = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (Connection c = connect(url);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO issuer.certificate VALUES (?, ?)")) {
                    for (int id = 0; writing.get(); id++) {
                        insert.setInt(1, id);
                        insert.setString(2, "claims of certificate " + id);
                        insert.executeUpdate();
                        committed.set(id + 1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> committed.get() >= 500);
            committedBeforeStop = committed.get();
            PhysicalBackup.Taken taken = PhysicalBackup.backup(url, data, backup, Clock.systemUTC());
            writing.set(false);
            writer.get(30, TimeUnit.SECONDS);
            total = committed.get();
            assertThat(taken.files()).isPositive();
            assertThat(Files.readString(backup.resolve("BACKUP"))).contains("./pramaan restore");
        }

        // Destroyed: a restore must not depend on anything left in the old folder.
        PhysicalBackup.restore(backup, data, Clock.systemUTC());

        try (EmbeddedPostgresServer restored = EmbeddedPostgresServer.start(data, 0);
             Connection c = connect(restored.database("postgres")); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(id), count(DISTINCT id) FROM issuer.certificate")) {
            rs.next();
            int rows = rs.getInt(1);
            assertThat(rows).as("every commit acknowledged before the backup began").isGreaterThanOrEqualTo(committedBeforeStop);
            assertThat(rows).as("nothing after the last write").isLessThanOrEqualTo(total);
            assertThat(rs.getInt(2)).isEqualTo(rows - 1);
            assertThat(rs.getInt(3)).isEqualTo(rows);
        }
        try (var siblings = Files.list(temp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("postgres.before-restore-"));
        }
    }

    @Test
    void aFolderThatIsNotABackupIsRefusedAndNothingIsMoved() throws Exception {
        Path data = Files.createDirectories(temp.resolve("postgres"));
        Files.writeString(data.resolve("PG_VERSION"), "17\n");
        Path notABackup = Files.createDirectories(temp.resolve("photos"));
        assertThatThrownBy(() -> PhysicalBackup.restore(notABackup, data, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Pramaan backup");
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }
}
