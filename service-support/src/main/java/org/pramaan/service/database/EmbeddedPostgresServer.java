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

/**
 * One embedded PostgreSQL process, from start to stop: what a laptop, {@code ./pramaan up} and the
 * development peer run when no {@code DATABASE_URL} is given.
 *
 * <p>It is durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on.
 * The embedded library's own defaults (its {@code -F} switch and {@code synchronous_commit=off}) are
 * made for throw-away test databases; with them, commits already answered to a client vanished when
 * PostgreSQL was killed (the durability issue's drill: approvals answered 200 whose certificates
 * existed nowhere afterwards). A test that wants speed must ask for {@link Durability#FAST} itself.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Whether acknowledged commits survive a crash of PostgreSQL or of the machine. */
    public enum Durability {
        /** fsync, synchronous_commit and full_page_writes on: the only setting for anything run by people. */
        DURABLE,
        /** All three off: for throw-away test databases that ask for it by name. */
        FAST;

        String setting() {
            return this == DURABLE ? "on" : "off";
        }
    }
    /** It becomes part of a CREATE DATABASE statement, which takes no parameters. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Production service jars carry no PostgreSQL binaries (only the build's test classpath and the
     * development peer's jar do), so a service started without {@code DATABASE_URL} is told what to do.
     */
    private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder) throws IOException {
        try {
            return builder.start();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (String.valueOf(cause.getMessage()).contains("Missing embedded postgres binaries")) {
                    throw new IllegalStateException("DATABASE_URL is not set and this jar carries no embedded PostgreSQL"
                            + " (service jars carry none): set DATABASE_URL, or see service-support's README for"
                            + " development", e);
                }
            }
            throw e;
        }
    }

    /** A durable server keeping its data in {@code dataDirectory} (null: a throw-away folder), on {@code port} (0: any). */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, Durability.DURABLE);
    }

    /** As {@link #start(Path, int)}, with the durability named. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Durability durability) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // Given after the library's own -F, so these win (PostgreSQL takes the last value of a setting).
            builder.setServerConfig("fsync", durability.setting());
            builder.setServerConfig("synchronous_commit", durability.setting());
            builder.setServerConfig("full_page_writes", durability.setting());
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                // clean=false: the data folder is the service's state between runs.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = startOrExplain(builder);
            LOG.info("DATABASE_URL is not set: embedded PostgreSQL listening on localhost:{} (data: {}, {})",
                    postgres.getPort(), dataDirectory == null ? "temporary" : dataDirectory, durability);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL"
                    + (dataDirectory == null ? "" : " in " + dataDirectory)
                    + " (set DATABASE_URL to use a server): " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The address of {@code database}, created when missing. */
    public DatabaseUrl database(String database) {
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
