package org.pramaan.issuer.certificate;

import org.pramaan.contract.event.IssuerChange;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link LedgerSigners} current: reads every department at start (after the development
 * registration), then follows {@code IssuerChanged} events from the checkpoint saved under
 * {@value #SUBSCRIBER}; a timer re-reads everything as a safety net. A key added elsewhere (another
 * instance rotated it) is looked for among the key files first.
 */
@Component
@Order(3)
public class SigningKeyEvents implements ApplicationRunner, org.springframework.beans.factory.DisposableBean {

    static final String SUBSCRIBER = "issuer-service-signing-keys";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyEvents.class);

    private final LedgerSigners signers;
    private final SignerKeys keys;
    private final LedgerConnections ledgers;
    private volatile EventSubscription subscription;

    public SigningKeyEvents(LedgerSigners signers, SignerKeys keys, LedgerConnections ledgers) {
        this.signers = signers;
        this.keys = keys;
        this.ledgers = ledgers;
    }

    @Override
    public void run(ApplicationArguments args) {
        refreshAll();
        subscription = ledgers.admin().subscribe(SUBSCRIBER, this::onEvent);
    }

    @Scheduled(fixedDelayString = "${pramaan.signing.refresh:60s}", initialDelayString = "${pramaan.signing.refresh:60s}")
    public void refreshAll() {
        try {
            signers.refreshAll();
        } catch (RuntimeException e) {
            // Departments stay as last read; the events and the next round bring them up to date.
            LOG.warn("cannot read the departments' signer keys from the ledger: {}", e.getMessage());
        }
    }

    void onEvent(LedgerEvent event) {
        if (event instanceof LedgerEvent.IssuerChanged changed) {
            IssuerChange change = changed.payload();
            if (change.change() == IssuerChange.Kind.SIGNER_ADDED) {
                keys.reload();
            }
            // A failure here throws, and the subscription delivers the event again.
            signers.refresh(DepartmentCode.of(change.department().value()));
        }
    }

    @Override
    public void destroy() {
        EventSubscription running = subscription;
        if (running != null) {
            running.close();
        }
    }
}
