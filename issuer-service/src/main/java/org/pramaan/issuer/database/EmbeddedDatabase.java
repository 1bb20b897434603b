package org.pramaan.issuer.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL a fresh machine runs on when no {@code DATABASE_URL} is given. One server
 * per JVM, started on first use: tests with several Spring contexts share it, each with its own
 * database. A data folder keeps the state between runs of the service.
 */
public final class EmbeddedDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();

    private EmbeddedDatabase() {
    }

    /**
     * The JDBC URL of {@code database} on the embedded server for {@code dataFolder} (null: a
     * throw-away folder), creating server and database when missing.
     */
    public static synchronized String jdbcUrl(Path dataFolder, int port, String database) {
        String key = dataFolder == null ? "<temporary>" : dataFolder.toAbsolutePath().toString();
        EmbeddedPostgres server = SERVERS.computeIfAbsent(key, k -> start(dataFolder, port));
        createDatabase(server, database);
        return server.getJdbcUrl("postgres", database);
    }

    private static EmbeddedPostgres start(Path dataFolder, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataFolder != null) {
                Files.createDirectories(dataFolder);
                builder.setDataDirectory(dataFolder).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            LOG.info("embedded PostgreSQL listening on 127.0.0.1:{} (data: {})", server.getPort(),
                    dataFolder == null ? "temporary" : dataFolder.toAbsolutePath());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL"
                    + (dataFolder == null ? "" : " in " + dataFolder.toAbsolutePath()) + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabase(EmbeddedPostgres server, String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("embedded database name must be lower-case letters, digits, _: " + database);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}
