package org.pramaan.issuer.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the audit in the service, one slice every {@code AUDIT_INTERVAL} on its own thread, from start
 * to shutdown. A failed slice (the ledger unreachable) is logged; the next one resumes at the cursor.
 */
public final class AuditSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSchedule.class);

    private final LedgerAudit audit;
    private final AuditFindings findings;
    private final AuditProperties properties;
    private ScheduledExecutorService executor;

    public AuditSchedule(LedgerAudit audit, AuditFindings findings, AuditProperties properties) {
        this.audit = audit;
        this.findings = findings;
        this.properties = properties;
    }

    /** One slice: continues the pass under way by up to {@code AUDIT_SLICE} certificates, then recounts. */
    public LedgerAudit.Progress runSlice() {
        try {
            return audit.run(properties.slice(), false);
        } finally {
            findings.refresh();
        }
    }

    @Override
    public synchronized void start() {
        try {
            findings.refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not count the stored audit mismatches yet: {}", e.toString());
        }
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ledger-audit");
            t.setDaemon(true);
            return t;
        });
        long every = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                LedgerAudit.Progress progress = runSlice();
                LOG.info("ledger audit slice: {} certificates, {} mismatches found, pass {}", progress.certificates(),
                        progress.mismatchesFound(), progress.passCompleted() ? "complete" : "continues next slice");
            } catch (RuntimeException e) {
                LOG.warn("ledger audit slice failed, resuming at the cursor next time: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
