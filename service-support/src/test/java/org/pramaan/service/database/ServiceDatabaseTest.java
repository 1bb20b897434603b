package org.pramaan.service.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded PostgreSQL each: what a service gets on a fresh machine. */
class ServiceDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void aPoolForItsSchemaOnAnEmbeddedServerThatStopsWithIt() throws SQLException {
        Path data = temp.resolve("postgres");
        String jdbcUrl;
        try (ServiceDatabase database = ServiceDatabase.builder("bridge").embeddedDirectory(data)
                .poolSize(3).schema("bridge").open()) {
            jdbcUrl = database.dataSource().getJdbcUrl();
            assertThat(jdbcUrl).startsWith("jdbc:postgresql://localhost:").endsWith("/postgres?currentSchema=bridge");
            assertThat(database.dataSource().getPoolName()).isEqualTo("bridge");
            assertThat(database.dataSource().getMaximumPoolSize()).isEqualTo(3);
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA bridge");
                s.execute("CREATE TABLE note (text varchar)");
                s.execute("INSERT INTO note VALUES ('kept')");
                assertThat(single(s, "SELECT text FROM bridge.note")).isEqualTo("kept");
                assertThat(single(s, "SELECT current_schema()")).isEqualTo("bridge");
            }
            assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void theDataFolderKeepsTheDatabaseBetweenRuns() throws SQLException {
        Path data = temp.resolve("kept");
        try (ServiceDatabase first = ServiceDatabase.builder("issuer").embeddedDirectory(data)
                .embeddedDatabase("issuer_test").open();
             Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT current_database()")).isEqualTo("issuer_test");
            s.execute("CREATE TABLE public.note AS SELECT 'from the first run'::text AS text");
        }
        try (ServiceDatabase second = ServiceDatabase.builder("issuer").embeddedDirectory(data)
                .embeddedDatabase("issuer_test").open();
             Connection c = second.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT text FROM public.note")).isEqualTo("from the first run");
            assertThat(single(s, "SELECT current_schema()")).isEqualTo("public");
        }
    }

    @Test
    void aDatabaseUrlIsUsedInsteadOfAnEmbeddedServer() {
        try (ServiceDatabase embedded = ServiceDatabase.builder("server").open();
             ServiceDatabase database = ServiceDatabase.builder("verifier").poolSize(12)
                     .databaseUrl(embedded.dataSource().getJdbcUrl() + "?user=postgres").open()) {
            assertThat(database.dataSource().getJdbcUrl()).isEqualTo(embedded.dataSource().getJdbcUrl() + "?user=postgres");
            assertThat(database.dataSource().getUsername()).isNull();
            assertThat(database.dataSource().getMaximumPoolSize()).isEqualTo(12);
        }
    }

    @Test
    void aFixedPortIsUsedAndAnUnsafeDatabaseNameStopsTheServerAgain() throws IOException {
        int port = freePort();
        try (ServiceDatabase database = ServiceDatabase.builder("issuer").embeddedPort(port).open()) {
            assertThat(database.dataSource().getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/postgres");
        }
        assertThatThrownBy(() -> ServiceDatabase.builder("issuer").embeddedPort(port).embeddedDatabase("x; DROP").open())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x; DROP");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", "postgres").close()).isInstanceOf(SQLException.class);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
