package org.pramaan.verifier.follow;

import java.time.Instant;
import java.util.Optional;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.offline.CertificateStates;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.pramaan.verifier.verification.AnchorBlocks;
import org.pramaan.verifier.verification.LedgerStatuses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The verifier's one follower of the ledger's events, which keeps its copy of the ledger: issued certificates
 * with their claims hash, validity and anchoring transaction ({@link AnchorBlocks}), revoked and held ones
 * ({@link CertificateStates}, also the offline bundle's source), and the trust list. The cold path answers from
 * that copy while {@link ProjectionCurrency} says it is current, and the offline bundle is built from it, so a
 * revocation reaches both with the same event. Each change is written before the cached answers are dropped, so
 * an answer read meanwhile is not cached over it.
 *
 * <p>Runs from the checkpoint saved under {@value #SUBSCRIBER} (the offline state's, which every verifier since
 * the offline bundle read from the first block), after the database is migrated. It replaces two subscribers that
 * repeated each other; the older one's checkpoint ({@code verifier-app}) is no longer read.
 */
@Component
public class LedgerFollower implements SmartLifecycle {

    public static final String SUBSCRIBER = "verifier-app-offline";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollower.class);

    private final Ledger ledger;
    private final AnchorBlocks anchors;
    private final CertificateStates states;
    private final LedgerStatuses statuses;
    private final TrustedIssuers issuers;
    private final ProjectionCurrency currency;
    private volatile EventSubscription subscription;

    public LedgerFollower(Ledger ledger, AnchorBlocks anchors, CertificateStates states, LedgerStatuses statuses,
                          TrustedIssuers issuers, ProjectionCurrency currency) {
        this.ledger = ledger;
        this.anchors = anchors;
        this.states = states;
        this.statuses = statuses;
        this.issuers = issuers;
        this.currency = currency;
    }

    @Override
    public void start() {
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
            committedAt = apply(event);
        } finally {
            currency.applied(committedAt);
        }
    }

    /** Applies one event; answers its ledger (transaction) time where the event says it. */
    private Optional<Instant> apply(LedgerEvent event) {
        long block = event.blockNumber();
        if (event instanceof LedgerEvent.CertificateIssued issued) {
            // Issued certificates change nothing offline: the height stays, so the bundle and its ETag do too.
            anchors.record(issued.payload(), issued.transactionId(), block);
            issued.payload().ids().forEach(id -> statuses.invalidate(id.value()));
            return Optional.ofNullable(issued.payload().issuedAt());
        } else if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            var payload = revoked.payload();
            states.revoked(payload.id().value(), payload.department().value(), block, new CertificateStates.Revocation(
                    payload.reasonCode(), payload.revokedAt(), payload.replacedBy() == null ? null : payload.replacedBy().value()));
            statuses.invalidate(payload.id().value());
            return Optional.ofNullable(payload.revokedAt());
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            states.held(held.payload().id().value(), held.payload().department().value(), block);
            statuses.invalidate(held.payload().id().value());
            return Optional.ofNullable(held.payload().heldAt());
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            states.released(released.payload().id().value(), released.payload().department().value(), block);
            statuses.invalidate(released.payload().id().value());
            return Optional.ofNullable(released.payload().releasedAt());
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
        return Optional.empty();
    }
}
