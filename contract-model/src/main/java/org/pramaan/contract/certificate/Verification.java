package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.pramaan.contract.id.CertificateId;

/**
 * The ledger's answer about one certificate and a presented claims hash, as of {@code checkedAt}
 * (the transaction time). {@code certificate} is absent only when the result is NOT_FOUND.
 */
@JsonPropertyOrder({"id", "result", "checkedAt", "certificate"})
public record Verification(CertificateId id, Result result, Instant checkedAt, CertificateRecord certificate) {

    /** In order of precedence: a document whose hash differs is not this certificate at all. */
    public enum Result {
        NOT_FOUND,
        HASH_MISMATCH,
        REVOKED,
        ON_HOLD,
        EXPIRED,
        VALID
    }

    /** The contract's verdict on {@code record} (null when not anchored) for {@code presented} at {@code now}. */
    public static Verification of(CertificateId id, ClaimsHash presented, CertificateRecord record, Instant now) {
        if (record == null) {
            return new Verification(id, Result.NOT_FOUND, now, null);
        }
        Result result;
        if (!record.claimsHash().equals(presented)) {
            result = Result.HASH_MISMATCH;
        } else if (record.status().revoked()) {
            result = Result.REVOKED;
        } else if (record.status() == CertificateStatus.ON_HOLD) {
            result = Result.ON_HOLD;
        } else if (!now.isBefore(record.validUntil())) {
            result = Result.EXPIRED;
        } else {
            result = Result.VALID;
        }
        return new Verification(id, result, now, record);
    }
}
