package org.pramaan.verifier.offline;

import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CertificateStates} from the ledger's events, under its own subscriber name
 * ({@value #SUBSCRIBER}), so a verifier that existed before the offline bundle still reads every
 * revocation from the first block. A trust list change re-reads the issuers before the height moves,
 * so the bundle built at that height holds the new signers. The height is the block of the last event
 * that changed what the bundle says.
 */
@Component
public class OfflineStateListener implements SmartLifecycle {

    static final String SUBSCRIBER = "verifier-app-offline";

    private final Ledger ledger;
    private final CertificateStates states;
    private final TrustedIssuers issuers;
    private volatile EventSubscription subscription;

    public OfflineStateListener(Ledger ledger, CertificateStates states, TrustedIssuers issuers) {
        this.ledger = ledger;
        this.states = states;
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
        long block = event.blockNumber();
        if (event instanceof LedgerEvent.CertificateRevoked revoked) {
            states.revoked(revoked.payload().id().value(), revoked.payload().id().department().value(), block);
        } else if (event instanceof LedgerEvent.CertificateHeld held) {
            states.held(held.payload().id().value(), held.payload().id().department().value(), block);
        } else if (event instanceof LedgerEvent.CertificateReleased released) {
            states.released(released.payload().id().value(), released.payload().id().department().value(), block);
        } else if (event instanceof LedgerEvent.IssuerChanged) {
            if (!issuers.refresh()) {
                // Throwing makes the subscription deliver this event again: the height waits for the trust list.
                throw new IllegalStateException("trust list not refreshed after " + event);
            }
            states.trustChanged(block);
        }
        // Issued certificates change nothing offline: the height stays, so the bundle and its ETag do too.
    }
}
