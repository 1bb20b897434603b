package org.pramaan.issuer.audit;

import java.util.Objects;

/**
 * One disagreement about one certificate. {@code detail} says what differs in statuses, key ids,
 * hashes and dates only, never the certificate's content: it reaches logs, the console and output.
 */
public record Mismatch(MismatchKind kind, String certificateId, String department, String detail) {

    public Mismatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(detail, "detail");
    }

    /** The output line: kind, certificate id, detail. */
    public String line() {
        return kind.label() + " " + certificateId + " " + detail;
    }
}
