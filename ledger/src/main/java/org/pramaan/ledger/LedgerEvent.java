package org.pramaan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.event.IssuerChange;

/**
 * A chaincode event as committed, typed: one record per event the contract emits, carrying its
 * parsed payload (the contract model's event records) and where it was committed. Listeners test
 * the type (Java 17 has no pattern switch yet):
 *
 * <pre>{@code
 * if (event instanceof LedgerEvent.CertificateRevoked revoked) {
 *     cache.invalidate(revoked.payload().id());
 * } else if (event instanceof LedgerEvent.IssuerChanged) {
 *     trustList.refresh();
 * } else if (event instanceof LedgerEvent.Unknown unknown) {
 *     log.warn("skipping {}", unknown);
 * }
 * }</pre>
 *
 * <p>An event this client cannot type (a name it does not know, as a newer contract might emit, or
 * a payload it cannot read) arrives as {@link Unknown} rather than being dropped or retried: the
 * subscription's checkpoint passes it like any other, and the listener decides.
 */
public sealed interface LedgerEvent {

    /** The chaincode event's name, e.g. {@value CertificateEvents#ISSUED}. */
    String name();

    /** The transaction that emitted the event. */
    String transactionId();

    /** The block the transaction was committed in. */
    long blockNumber();

    /** {@value CertificateEvents#ISSUED}: the ids one transaction newly anchored. */
    record CertificateIssued(CertificateEvents.Issued payload, String transactionId, long blockNumber)
            implements LedgerEvent {

        public CertificateIssued {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public String name() {
            return CertificateEvents.ISSUED;
        }
    }

    /** {@value CertificateEvents#REVOKED}: one certificate revoked (or superseded). */
    record CertificateRevoked(CertificateEvents.Revoked payload, String transactionId, long blockNumber)
            implements LedgerEvent {

        public CertificateRevoked {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public String name() {
            return CertificateEvents.REVOKED;
        }
    }

    /** {@value CertificateEvents#HELD}: one certificate put on hold while its department checks it. */
    record CertificateHeld(CertificateEvents.Held payload, String transactionId, long blockNumber)
            implements LedgerEvent {

        public CertificateHeld {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public String name() {
            return CertificateEvents.HELD;
        }
    }

    /** {@value CertificateEvents#RELEASED}: a hold lifted, the certificate active again. */
    record CertificateReleased(CertificateEvents.Released payload, String transactionId, long blockNumber)
            implements LedgerEvent {

        public CertificateReleased {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public String name() {
            return CertificateEvents.RELEASED;
        }
    }

    /** {@value IssuerChange#EVENT}: a department registered, suspended, reinstated, or a signer key added or revoked. */
    record IssuerChanged(IssuerChange payload, String transactionId, long blockNumber) implements LedgerEvent {

        public IssuerChanged {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(transactionId, "transactionId");
        }

        @Override
        public String name() {
            return IssuerChange.EVENT;
        }
    }

    /**
     * An event this client cannot type, with its raw payload and why: an unknown name, or a known
     * name whose payload does not read as the contract's record.
     */
    record Unknown(String name, byte[] payload, String problem, String transactionId, long blockNumber)
            implements LedgerEvent {

        public Unknown {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(transactionId, "transactionId");
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown other && name.equals(other.name) && java.util.Arrays.equals(payload, other.payload)
                    && problem.equals(other.problem) && transactionId.equals(other.transactionId)
                    && blockNumber == other.blockNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, java.util.Arrays.hashCode(payload), problem, transactionId, blockNumber);
        }

        @Override
        public String toString() {
            return "Unknown[" + name + "@" + blockNumber + " tx " + transactionId + ": " + problem + "; " + payloadText() + "]";
        }
    }
}
