package org.pramaan.verifier.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * The answer of every verify endpoint, as fixed in the service contract: status, a message in the
 * reader's language, the certificate (when its signature holds and it is not tampered), the
 * department and the ledger evidence. {@code reason} is the technical explanation in English;
 * {@code receipt} is present only when asked for.
 */
public record VerifyResponse(String status, String message, String reason, CertificateView certificate,
                             DepartmentView department, LedgerView ledger,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String receipt) {

    public record CertificateView(String id, String type, String holderName, String department, Instant issuedAt,
                                  Instant expiresAt, String language, Map<String, String> fields) {
    }

    public record DepartmentView(String code, Map<String, String> names) {
    }

    public record LedgerView(String transactionId, Long blockNumber, Instant anchoredAt, Instant revokedAt,
                             String revocationReason, Instant checkedAt, boolean fresh) {
    }

    VerifyResponse withReceipt(String signed) {
        return new VerifyResponse(status, message, reason, certificate, department, ledger, signed);
    }
}
