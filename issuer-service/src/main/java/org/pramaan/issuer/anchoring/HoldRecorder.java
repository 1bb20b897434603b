package org.pramaan.issuer.anchoring;

import java.time.Clock;
import java.time.Duration;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.hold.HoldAction;
import org.pramaan.issuer.hold.Holds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes holds and releases from the hold outbox to the ledger, each certificate's in order, and
 * tells the citizen of a hold once the ledger has it. Both contract calls are idempotent, so a step
 * whose outcome was lost is simply sent again.
 */
@Component
public class HoldRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(HoldRecorder.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Holds holds;
    private final Certificates certificates;
    private final DeliveryOutbox deliveries;
    private final DepartmentLedgers ledgers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBackoff;

    public HoldRecorder(Holds holds, Certificates certificates, DeliveryOutbox deliveries, DepartmentLedgers ledgers,
                        TransactionTemplate transactions, Clock clock, IssuerProperties properties) {
        this.holds = holds;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.clock = clock;
        this.retryBackoff = properties.ledger().retryBackoff();
    }

    /** Records the due steps on the ledger; returns how many went through. */
    public int recordDue() {
        Integer done = transactions.execute(status -> {
            int n = 0;
            for (Holds.Pending step : holds.lockDue(clock.instant(), 20)) {
                n += record(step) ? 1 : 0;
            }
            return n;
        });
        return done == null ? 0 : done;
    }

    private boolean record(Holds.Pending step) {
        try {
            var ledger = ledgers.forDepartment(step.department());
            if (step.action() == HoldAction.HOLD) {
                ledger.hold(step.certificateId(), HoldCode.valueOf(step.code()));
                certificates.find(step.certificateId())
                        .ifPresent(c -> deliveries.enqueueHold(c, step.code(), clock.instant()));
            } else {
                ledger.release(step.certificateId());
            }
            holds.remove(step.id());
            LOG.info("{} of certificate {} recorded on the ledger", step.action(), step.certificateId());
            return true;
        } catch (RuntimeException e) {
            Duration wait = retryBackoff.multipliedBy(1L << Math.min(step.attempts(), 16));
            holds.postpone(step.id(), clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait),
                    e.getMessage());
            LOG.warn("recording {} of {} failed: {}", step.action(), step.certificateId(), e.getMessage());
            return false;
        }
    }
}
