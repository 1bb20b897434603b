package org.pramaan.verifier.verification;

import java.util.List;
import org.pramaan.chaincode.certificate.CertificateEvents;
import org.pramaan.chaincode.certificate.CertificateId;
import org.pramaan.chaincode.core.Json;
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
        switch (event.name()) {
            case LedgerEvent.CERTIFICATE_ISSUED -> parse(event, CertificateEvents.Issued.class).ifPresent(issued -> {
                List<String> ids = issued.ids().stream().map(CertificateId::value).toList();
                anchors.record(ids, event.transactionId(), event.blockNumber());
                ids.forEach(statuses::invalidate);
            });
            case LedgerEvent.CERTIFICATE_REVOKED -> parse(event, CertificateEvents.Revoked.class)
                    .ifPresent(revoked -> statuses.invalidate(revoked.id().value()));
            case LedgerEvent.ISSUER_CHANGED -> {
                if (!issuers.refresh()) {
                    // Throwing makes the subscription deliver this event again, so the change is not lost.
                    throw new IllegalStateException("trust list not refreshed after " + event);
                }
            }
            default -> LOG.debug("ignoring ledger event {}", event.name());
        }
    }

    private static <T> java.util.Optional<T> parse(LedgerEvent event, Class<T> type) {
        try {
            return java.util.Optional.of(Json.readArgument(event.payloadText(), type, event.name() + " event"));
        } catch (RuntimeException e) {
            // A payload we cannot read would block the stream for ever if it were retried; say so and go on.
            LOG.error("unreadable {} event in block {}: {}", event.name(), event.blockNumber(), e.getMessage());
            return java.util.Optional.empty();
        }
    }
}
