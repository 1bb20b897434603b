package org.pramaan.verifier.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pramaan.verifier.catalog.LabelledField;

/**
 * The answer of every verify endpoint, as fixed in the service contract: status, a message in the
 * reader's language, the certificate (when its signature holds and it is not tampered), the
 * department and the ledger evidence. Fields the contract does not name ({@code certificate.title},
 * {@code certificate.labelledFields}) are additions a client may ignore. {@code reason} is the technical explanation in English;
 * {@code receipt} is present only when asked for; {@code pdfSignature} only for an uploaded PDF: its own
 * digital signature's finding, beside the credential's status and the ledger's.
 */
public record VerifyResponse(String status, String message, String reason, CertificateView certificate,
                             DepartmentView department, LedgerView ledger,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String receipt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) PdfSignatureView pdfSignature) {

    /** The answer without a PDF's own signature (a QR text, an image): {@code pdfSignature} is omitted. */
    public VerifyResponse(String status, String message, String reason, CertificateView certificate,
                          DepartmentView department, LedgerView ledger, String receipt) {
        this(status, message, reason, certificate, department, ledger, receipt, null);
    }

    /**
     * {@code fields} is the credential's own key -> value map (the fixed contract); {@code title} and
     * {@code labelledFields} say the same in the reader's language, from the issuer's catalog: the
     * title is null and the labels are the keys while the catalog is unknown.
     */
    public record CertificateView(String id, String type, String holderName, String department, Instant issuedAt,
                                  Instant expiresAt, String language, Map<String, String> fields, String title,
                                  List<LabelledField> labelledFields) {
    }

    public record DepartmentView(String code, Map<String, String> names) {
    }

    /**
     * {@code revocationReason} is the ledger's code (e.g. {@code FRAUD}), {@code revocationReasonText}
     * its meaning in the reader's language; the ledger holds no free text to show. {@code replacedBy}
     * is the certificate that superseded this one, when it was re-issued.
     */
    public record LedgerView(String transactionId, Long blockNumber, Instant anchoredAt, Instant revokedAt,
                             String revocationReason, String revocationReasonText, Instant checkedAt,
                             Long ageSeconds, boolean fresh, String replacedBy) {
    }

    /**
     * A PDF's own (PAdES) signature: {@code status} is {@code VALID}, {@code NOT_SIGNED},
     * {@code CHANGED_AFTER_SIGNING}, {@code UNKNOWN_SIGNER} or {@code MALFORMED}; {@code matchesCredential}
     * whether the department that signed the PDF is the one that signed the credential in it.
     */
    public record PdfSignatureView(String status, String reason, String department, String kid, Instant signedAt,
                                   boolean timestamped, boolean matchesCredential) {
    }

    VerifyResponse withReceipt(String signed) {
        return new VerifyResponse(status, message, reason, certificate, department, ledger, signed, pdfSignature);
    }

    VerifyResponse withPdfSignature(PdfSignatureView view) {
        return new VerifyResponse(status, message, reason, certificate, department, ledger, receipt, view);
    }
}
