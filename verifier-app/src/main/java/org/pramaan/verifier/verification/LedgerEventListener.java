package org.pramaan.verifier.verification;

import java.util.List;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the ledger's events: issued and revoked certificates drop their cached status (and issued
 * ones leave their block number), department changes rebuild the trust list. Runs from the
 * checkpoint saved under {@value #SUBSCRIBER}, after the database is migrated.
 */
@Component
public class LedgerEventListener implements SmartLifecycle {

    static final String SUBSCRIBER = "verifier-app";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerEventListener.class);

    private final Ledger ledger;
    private final LedgerStatuses statuses;
    private final AnchorBlocks anchors;
    private final TrustedIssuers issuers;
    private volatile EventSubscription subscription;

    public LedgerEventListener(Ledger ledger, LedgerStatuses statuses, AnchorBlocks anchors, TrustedIssuers issuers) {
        this.ledger = ledger;
        this.statuses = statuses;
        this.anchors = anchors;
        this.issuers = issuers;
    }

    @Override
    public void start() {
        subscription = ledger.subscribe(SUBSCRIBER, this::onEvent);
    }

    @Override
    public void stop() {
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
        if (event instanceof LedgerEvent.CertificateIssued issued) {
            List<String> ids = issued.payload().ids().stream().map(CertificateId::value).toList();
            anchors.record(ids, issued.transactionId(), issued.blockNumber());
            ids.forEach(statuses::invalidate);
        } else if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            statuses.invalidate(revoked.payload().id().value());
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            statuses.invalidate(held.payload().id().value());
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            statuses.invalidate(released.payload().id().value());
        } else if (event instanceof LedgerEvent.IssuerChanged) {
            if (!issuers.refresh()) {
                // Throwing makes the subscription deliver this event again, so the change is not lost.
                throw new IllegalStateException("trust list not refreshed after " + event);
            }
        } else if (event instanceof LedgerEvent.Unknown unknown) {
            // Not retried: a payload we cannot read would block the stream for ever. The ledger client logged it.
            LOG.debug("ignoring ledger event {}", unknown);
        }
    }
}
