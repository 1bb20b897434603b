package org.pramaan.issuer.audit;

import org.pramaan.service.work.WorkerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the audit in the service, one slice every {@code AUDIT_INTERVAL} on its own thread, from start
 * to shutdown, on the platform's one {@link WorkerLoop}. A failed slice (the ledger unreachable) is logged by the
 * loop; the next one resumes at the cursor. A periodic job, not a queue: nothing wakes it early.
 */
public final class AuditSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditSchedule.class);

    private final LedgerAudit audit;
    private final AuditFindings findings;
    private final AuditProperties properties;
    private WorkerLoop loop;

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
        if (!properties.enabled() || loop != null) {
            return;
        }
        boolean[] first = {true};
        loop = new WorkerLoop("ledger-audit", () -> {
            if (first[0]) {
                first[0] = false; // the first slice one interval after start, not while the service is starting
                return false;
            }
            LedgerAudit.Progress progress = runSlice();
            LOG.info("ledger audit slice: {} certificates, {} mismatches found, pass {}", progress.certificates(),
                    progress.mismatchesFound(), progress.passCompleted() ? "complete" : "continues next slice");
            return false; // a slice, then the interval: never back to back
        }, Thread::sleep, properties.interval(), WorkerLoop.Pace.NONE);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
            loop = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return loop != null;
    }
}
