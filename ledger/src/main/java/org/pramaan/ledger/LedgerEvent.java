package org.pramaan.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A chaincode event as committed: {@code CertificateIssued}, {@code CertificateRevoked} or
 * {@code IssuerChanged}, with its JSON payload and where it was committed.
 */
public record LedgerEvent(String name, byte[] payload, String transactionId, long blockNumber) {

    public static final String CERTIFICATE_ISSUED = "CertificateIssued";
    public static final String CERTIFICATE_REVOKED = "CertificateRevoked";
    public static final String ISSUER_CHANGED = "IssuerChanged";

    public LedgerEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
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
    public String toString() {
        return name + "@" + blockNumber + " " + payloadText();
    }
}
