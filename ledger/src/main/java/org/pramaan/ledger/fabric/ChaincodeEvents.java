package org.pramaan.ledger.fabric;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.event.IssuerChange;
import org.pramaan.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chaincode events as typed {@link LedgerEvent}s, their payloads read with the contract's own strict
 * JSON. Never throws for what the ledger holds: an unknown name or an unreadable payload becomes a
 * logged {@link LedgerEvent.Unknown}, since throwing would have the stream deliver the same
 * committed event again for ever.
 */
final class ChaincodeEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeEvents.class);

    private ChaincodeEvents() {
    }

    static LedgerEvent parse(ChaincodeEvent event) {
        return parse(event.getEventName(), event.getPayload(), event.getTransactionId(), event.getBlockNumber());
    }

    static LedgerEvent parse(String name, byte[] payload, String transactionId, long blockNumber) {
        try {
            switch (name) {
                case CertificateEvents.ISSUED:
                    return new LedgerEvent.CertificateIssued(read(payload, CertificateEvents.Issued.class, name),
                            transactionId, blockNumber);
                case CertificateEvents.REVOKED:
                    return new LedgerEvent.CertificateRevoked(read(payload, CertificateEvents.Revoked.class, name),
                            transactionId, blockNumber);
                case CertificateEvents.HELD:
                    return new LedgerEvent.CertificateHeld(read(payload, CertificateEvents.Held.class, name),
                            transactionId, blockNumber);
                case CertificateEvents.RELEASED:
                    return new LedgerEvent.CertificateReleased(read(payload, CertificateEvents.Released.class, name),
                            transactionId, blockNumber);
                case IssuerChange.EVENT:
                    return new LedgerEvent.IssuerChanged(read(payload, IssuerChange.class, name), transactionId,
                            blockNumber);
                default:
                    LOG.warn("Ledger event {} in block {} (tx {}) is not one this client knows; delivered as unknown",
                            name, blockNumber, transactionId);
                    return new LedgerEvent.Unknown(name, payload, "no such event in the contract this client knows",
                            transactionId, blockNumber);
            }
        } catch (IllegalArgumentException e) {
            // Json refuses with a ContractViolation (an IllegalArgumentException) naming the problem.
            LOG.error("Ledger event {} in block {} (tx {}) has an unreadable payload; delivered as unknown: {}",
                    name, blockNumber, transactionId, e.getMessage());
            return new LedgerEvent.Unknown(name, payload, e.getMessage(), transactionId, blockNumber);
        }
    }

    private static <T> T read(byte[] payload, Class<T> type, String name) {
        return Json.readArgument(new String(payload, StandardCharsets.UTF_8), type, name + " event");
    }
}
