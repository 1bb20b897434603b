package org.pramaan.verifier.follow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.offline.CertificateStates;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.pramaan.verifier.verification.AnchorBlocks;
import org.pramaan.verifier.verification.LedgerProjection;
import org.pramaan.verifier.verification.LedgerStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verifier's one follower of the ledger's events, which keeps its copy of the ledger: issued certificates
 * with their claims hash, validity and anchoring transaction ({@link AnchorBlocks}), revoked and held ones
 * ({@link CertificateStates}, also the offline bundle's source), and the trust list. The cold path answers from
 * that copy while {@link ProjectionCurrency} says it is current, and the offline bundle is built from it, so a
 * revocation reaches both with the same event. The copy is also held in memory ({@link LedgerProjection}): the rows an
 * event changed are read back in its transaction and put there once it committed. Each change is committed (and in
 * memory) before the cached answers are dropped, so
 * an answer read meanwhile is not cached over it. An event is applied once: its transaction id is recorded with its
 * effect (the ledger client checkpoints after the handler, so a kill between the two delivers the event again).
 *
 * <p>Runs from the checkpoint saved under {@value #SUBSCRIBER} (the offline state's, which every verifier since
 * the offline bundle read from the first block), after the database is migrated. It replaces two subscribers that
 * repeated each other; the older one's checkpoint ({@code verifier-app}) is no longer read.
 */
@Component
public class LedgerFollower implements SmartLifecycle {

    public static final String SUBSCRIBER = "verifier-app-offline";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollower.class);
    /** Blocks of applied transaction ids kept behind the newest: redelivery starts at the checkpoint's block. */
    private static final long APPLIED_KEPT_BLOCKS = 1_000;

    private final Ledger ledger;
    private final AnchorBlocks anchors;
    private final CertificateStates states;
    private final LedgerStatuses statuses;
    private final TrustedIssuers issuers;
    private final ProjectionCurrency currency;
    private final LedgerProjection projection;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private volatile EventSubscription subscription;

    public LedgerFollower(Ledger ledger, AnchorBlocks anchors, CertificateStates states, LedgerStatuses statuses,
                          TrustedIssuers issuers, ProjectionCurrency currency, LedgerProjection projection,
                          JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.projection = projection;
        this.ledger = ledger;
        this.anchors = anchors;
        this.states = states;
        this.statuses = statuses;
        this.issuers = issuers;
        this.currency = currency;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void start() {
        // The copy's tables into memory, beside the events: what an event puts there meanwhile is newer and stays.
        Thread loader = new Thread(() -> {
            try {
                projection.load();
            } catch (RuntimeException e) {
                LOG.warn("the copy of the ledger was not loaded into memory; first checks read the database: {}", e.toString());
            }
        }, "projection-load");
        loader.setDaemon(true);
        loader.start();
        subscription = ledger.subscribe(SUBSCRIBER, this::onEvent);
        currency.following(subscription);
    }

    @Override
    public void stop() {
        currency.following(null);
        EventSubscription running = subscription;
        if (running != null) {
            running.close();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    void onEvent(LedgerEvent event) {
        currency.applying();
        Optional<Instant> committedAt = Optional.empty();
        try {
            List<String> touched = touched(event);
            LedgerProjection.Rows[] changed = new LedgerProjection.Rows[1];
            committedAt = transactions.execute(status -> {
                Optional<Instant> time = firstDelivery(event) ? apply(event) : time(event);
                changed[0] = projection.read(touched); // the rows as this transaction leaves them
                return time;
            });
            // Committed: memory gets the rows, then cached answers are dropped (an answer read meanwhile is not kept).
            projection.remember(changed[0]);
            touched.forEach(statuses::invalidate);
        } finally {
            currency.applied(committedAt);
        }
    }

    /** Records the event's transaction as applied; false when it already was (a redelivery after a kill). */
    private boolean firstDelivery(LedgerEvent event) {
        boolean first = jdbc.update("INSERT INTO verifier.applied_event (transaction_id, block_number) VALUES (?, ?)"
                + " ON CONFLICT DO NOTHING", event.transactionId(), event.blockNumber()) == 1;
        if (!first) {
            LOG.debug("ledger event {} delivered again; already applied", event.transactionId());
        }
        jdbc.update("DELETE FROM verifier.applied_event WHERE block_number < ?", event.blockNumber() - APPLIED_KEPT_BLOCKS);
        return first;
    }

    /** The ledger (transaction) time an event says, for {@link ProjectionCurrency}. */
    private static Optional<Instant> time(LedgerEvent event) {
        if (event instanceof LedgerEvent.CertificateIssued issued) {
            return Optional.ofNullable(issued.payload().issuedAt());
        } else if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            return Optional.ofNullable(revoked.payload().revokedAt());
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            return Optional.ofNullable(held.payload().heldAt());
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            return Optional.ofNullable(released.payload().releasedAt());
        }
        return Optional.empty();
    }

    /** The certificates whose cached answers an event makes stale. */
    private static List<String> touched(LedgerEvent event) {
        if (event instanceof LedgerEvent.CertificateIssued issued) {
            return issued.payload().ids().stream().map(CertificateId::value).toList();
        } else if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            return List.of(revoked.payload().id().value());
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            return List.of(held.payload().id().value());
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            return List.of(released.payload().id().value());
        }
        return List.of();
    }

    /** Applies one event; answers its ledger (transaction) time where the event says it. */
    private Optional<Instant> apply(LedgerEvent event) {
        long block = event.blockNumber();
        if (event instanceof LedgerEvent.CertificateIssued issued) {
            // Issued certificates change nothing offline: the height stays, so the bundle and its ETag do too.
            anchors.record(issued.payload(), issued.transactionId(), block);
        } else if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            var payload = revoked.payload();
            states.revoked(payload.id().value(), payload.department().value(), block, new CertificateStates.Revocation(
                    payload.reasonCode(), payload.revokedAt(), payload.replacedBy() == null ? null : payload.replacedBy().value()));
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            states.held(held.payload().id().value(), held.payload().department().value(), block);
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            states.released(released.payload().id().value(), released.payload().department().value(), block);
        } else if (event instanceof LedgerEvent.IssuerChanged) {
            if (!issuers.refresh()) {
                // Throwing makes the subscription deliver this event again: the height waits for the trust list.
                throw new IllegalStateException("trust list not refreshed after " + event);
            }
            states.trustChanged(block);
        } else if (event instanceof LedgerEvent.Unknown unknown) {
            // Not retried: a payload we cannot read would block the stream for ever. The ledger client logged it.
            LOG.debug("ignoring ledger event {}", unknown);
        }
        return time(event);
    }
}
