package org.pramaan.service.database;

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
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One embedded PostgreSQL process, from start to stop. */
final class EmbeddedServer implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** It becomes part of a CREATE DATABASE statement, which takes no parameters. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server keeping its data in {@code dataDirectory} (null: a throw-away folder), on {@code port} (0: any). */
    static EmbeddedServer start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // clean=false: the data folder is the service's state between runs.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("DATABASE_URL is not set: embedded PostgreSQL listening on localhost:{} (data: {})",
                    postgres.getPort(), dataDirectory == null ? "temporary" : dataDirectory);
            return new EmbeddedServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " in " + dataDirectory)
                    + " (set DATABASE_URL to use a server): " + e.getMessage(), e);
        }
    }

    /** The address of {@code database}, created when missing. */
    DatabaseUrl database(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "embedded database name must be lower-case letters, digits, _: " + database);
        }
        createIfMissing(database);
        return new DatabaseUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database, USER, USER);
    }

    private void createIfMissing(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
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

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
