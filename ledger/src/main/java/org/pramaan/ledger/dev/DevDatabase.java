package org.pramaan.ledger.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL for a laptop: the binaries come from a Maven artifact, the data stays in a
 * folder between runs (by default {@code .pramaan/postgres}). {@code ./pramaan up} runs one for all
 * services, so that they share one DevLedger; a service started alone may run its own.
 */
public final class DevDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevDatabase.class);

    private final EmbeddedPostgres postgres;

    private DevDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} (0: any free port) with its data in {@code dataDirectory}. */
    public static DevDatabase start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // Durable: the embedded library's test defaults (fsync and synchronous_commit off) lost
                // acknowledged approvals when PostgreSQL was killed. See EmbeddedPostgresServer.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        return new DevDatabase(builder.start());
    }

    /** A JDBC URL for the {@code postgres} database, user {@code postgres}. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** {@code DevDatabase <data directory> <port>}: runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : ".pramaan/postgres");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        DevDatabase database = start(data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                database.close();
            } catch (IOException e) {
                LOG.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            stopped.countDown();
        }));
        LOG.info("PostgreSQL ready at {} (data in {})", database.jdbcUrl(), data.toAbsolutePath());
        stopped.await();
    }
}
