package org.pramaan.issuer.anchoring;

import org.pramaan.issuer.ledger.DepartmentLedgers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.hold.HoldAction;
import org.pramaan.issuer.hold.Holds;
import org.pramaan.issuer.work.IssuerQueue;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes holds and releases from the hold outbox to the ledger, each certificate's in order, and
 * tells the citizen of a hold once the ledger has it. Both contract calls are idempotent, so a step
 * whose outcome was lost (a crash, a lease that ran out) is simply sent again.
 */
@Component
public class HoldRecorder implements IssuerQueue<Holds.Pending> {

    private static final Logger LOG = LoggerFactory.getLogger(HoldRecorder.class);

    private final Holds holds;
    private final Certificates certificates;
    private final DeliveryOutbox deliveries;
    private final DepartmentLedgers ledgers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Backoff backoff;
    private final LeasedWorker.Settings settings;

    public HoldRecorder(Holds holds, Certificates certificates, DeliveryOutbox deliveries, DepartmentLedgers ledgers,
                        TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
                        IssuerProperties properties) {
        this.holds = holds;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        IssuerProperties.Ledger ledger = properties.ledger();
        this.backoff = new Backoff(ledger.retryBackoff(), Duration.ofMinutes(5));
        this.settings = new LeasedWorker.Settings(ledger.workers(), ledger.changeBatch(), ledger.lease(),
                ledger.pollInterval());
    }

    @Override
    public QueueName name() {
        return QueueName.HOLD;
    }

    @Override
    public LeasedWorker.Settings settings() {
        return settings;
    }

    @Override
    public List<Holds.Pending> claim(Lease lease, int limit) {
        return holds.claimDue(lease, clock.instant(), limit);
    }

    /** The ledger call with no transaction open, then the step removed (and a hold announced) in a short one. */
    @Override
    public void work(Holds.Pending step, Lease lease) {
        try {
            var ledger = ledgers.forDepartment(step.department());
            if (step.action() == HoldAction.HOLD) {
                ledger.hold(step.certificateId(), HoldCode.valueOf(step.code()));
            } else {
                ledger.release(step.certificateId());
            }
        } catch (RuntimeException e) {
            Instant next = backoff.next(clock.instant(), step.attempts());
            if (!holds.postpone(step.id(), lease.owner(), next, e.getMessage())) {
                LOG.info("{} of {} failed, but another worker holds it now: {}", step.action(), step.certificateId(),
                        e.getMessage());
                return;
            }
            LOG.warn("recording {} of {} failed: {}", step.action(), step.certificateId(), e.getMessage());
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (!holds.remove(step.id(), lease.owner())) {
                // Another worker took the step over when this lease ran out; it sends it again, which the ledger
                // answers "unchanged", and announces the hold itself.
                LOG.info("{} of certificate {} is on the ledger; another worker settles it", step.action(),
                        step.certificateId());
                return;
            }
            if (step.action() == HoldAction.HOLD) {
                certificates.find(step.certificateId())
                        .ifPresent(c -> deliveries.enqueueHold(c, step.code(), clock.instant()));
            }
            // The certificate's next step, or a revocation waiting for this one, may go now.
            events.publishEvent(new WorkQueued(QueueName.HOLD));
            events.publishEvent(new WorkQueued(QueueName.REVOCATION));
            LOG.info("{} of certificate {} recorded on the ledger", step.action(), step.certificateId());
        });
    }
}
