package org.pramaan.service.database;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code EmbeddedPostgresMain <data directory> <port>}: the one durable PostgreSQL that
 * {@code ./pramaan up} runs for every part of the platform, until the process is stopped.
 */
public final class EmbeddedPostgresMain {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresMain.class);

    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args.length > 0 ? args[0] : ".pramaan/postgres").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5433;
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                LOG.warn("PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            stopped.countDown();
        }, "postgres-stop"));
        LOG.info("PostgreSQL ready at {} (data in {})", server.database("postgres"), data);
        stopped.await();
    }
}
