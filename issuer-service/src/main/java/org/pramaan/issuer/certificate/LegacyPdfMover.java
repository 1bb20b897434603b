package org.pramaan.issuer.certificate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.service.storage.ObjectStore;
import org.pramaan.service.storage.StoredObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the PDFs that rows from before the object store still hold into it: a startup job, a batch at a time in id
 * order, each PDF written to the store before its row is switched to the object (key, SHA-256, size) and its bytes
 * emptied, in one short statement that only a row still unmoved takes. Idempotent and restartable: a stop halfway
 * leaves moved rows moved and the rest as they were; a PDF written twice (two instances, a crash before the update)
 * is the same object under the same key. Reads work throughout ({@link Certificates#pdf} reads either form).
 */
@Component
@org.springframework.boot.context.properties.EnableConfigurationProperties(LegacyPdfMover.Settings.class)
public class LegacyPdfMover {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyPdfMover.class);

    /**
     * @param enabled {@code PDF_MOVE_ENABLED}: run at start (true)
     * @param batch   {@code PDF_MOVE_BATCH}: rows read per statement (100)
     * @param retry   {@code PDF_MOVE_RETRY}: wait before trying again after the store or database failed (30 s)
     */
    @ConfigurationProperties("pramaan.pdf-move")
    public record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("100") int batch,
                           @DefaultValue("30s") Duration retry) {
        public Settings {
            if (batch < 1 || batch > 10_000) {
                throw new IllegalArgumentException("PDF_MOVE_BATCH is 1 to 10000, got " + batch);
            }
        }
    }

    private record Legacy(String id, byte[] pdf) {
    }

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final Settings settings;
    private ScheduledExecutorService executor;

    public LegacyPdfMover(JdbcClient jdbc, ObjectStore store, Settings settings) {
        this.jdbc = jdbc;
        this.store = store;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startInBackground() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "pdf-mover");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::runOnce);
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void runOnce() {
        try {
            long moved = moveAll();
            if (moved > 0) {
                LOG.info("Moved {} certificate PDFs from the database to the object store", moved);
            }
        } catch (RuntimeException e) {
            LOG.warn("Moving certificate PDFs to the object store stopped ({}); trying again in {}", e.toString(),
                    settings.retry());
            synchronized (this) {
                if (!executor.isShutdown()) {
                    executor.schedule(this::runOnce, settings.retry().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /**
     * Moves every PDF still in a row, a batch at a time; returns how many rows this call switched. Bounded: it walks
     * the rows once, in id order.
     */
    public long moveAll() {
        long moved = 0;
        String after = "";
        while (!Thread.currentThread().isInterrupted()) {
            List<Legacy> batch = jdbc.sql("SELECT id, pdf FROM issuer.certificate WHERE pdf_key IS NULL AND pdf IS NOT NULL AND id > ?"
                            + " ORDER BY id LIMIT ?")
                    .params(after, settings.batch())
                    .query((rs, n) -> new Legacy(rs.getString(1), rs.getBytes(2))).list();
            if (batch.isEmpty()) {
                break;
            }
            for (Legacy row : batch) {
                StoredObject stored = store.put(Certificates.pdfKey(CertificateId.of(row.id())), row.pdf(),
                        "application/pdf");
                moved += jdbc.sql("UPDATE issuer.certificate SET pdf_key = ?, pdf_sha256 = ?, pdf_size = ?, pdf = NULL"
                                + " WHERE id = ? AND pdf_key IS NULL")
                        .params(stored.key(), stored.sha256(), Math.toIntExact(stored.size()), row.id()).update();
            }
            after = batch.get(batch.size() - 1).id();
        }
        return moved;
    }
}
