package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Optional;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.KeyId;

/**
 * A department's document-signing key as the ledger knows it: the signer certificate (PEM, in one
 * canonical layout), the period in which it may sign, and, once revoked, from when it may not.
 * {@code revokedFrom} may lie before the revocation was recorded: a key found compromised is
 * distrusted from the moment of compromise. Why is a {@link SignerRevocationCode}, never prose.
 */
@JsonPropertyOrder({"kid", "certificate", "validFrom", "validUntil", "revokedFrom", "revocationReason"})
public record SignerKey(KeyId kid, String certificate, Instant validFrom, Instant validUntil,
                        Instant revokedFrom, SignerRevocationCode revocationReason) {

    public SignerKey {
        Checks.present(kid, "kid");
        Checks.present(certificate, "certificate");
        Checks.present(validFrom, "validFrom");
        Checks.present(validUntil, "validUntil");
        if (!validFrom.isBefore(validUntil)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("signer key " + kid + ": validFrom " + validFrom
                    + " is not before validUntil " + validUntil);
        }
        if ((revokedFrom == null) != (revocationReason == null)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "signer key " + kid + ": revokedFrom and revocationReason go together");
        }
    }

    /** Why this key may not sign at {@code time}, or empty when it may. */
    public Optional<String> unusableAt(Instant time) {
        if (revokedFrom != null && !time.isBefore(revokedFrom)) {
            return Optional.of("signer key " + kid + " is revoked from " + revokedFrom + " (" + revocationReason + ")");
        }
        if (time.isBefore(validFrom)) {
            return Optional.of("signer key " + kid + " is not valid before " + validFrom);
        }
        if (!time.isBefore(validUntil)) {
            return Optional.of("signer key " + kid + " expired at " + validUntil);
        }
        return Optional.empty();
    }

    /** This key revoked; the same key when already revoked in exactly this way. */
    public SignerKey revoke(Instant from, SignerRevocationCode reason) {
        Checks.present(from, "revokedFrom");
        Checks.present(reason, "reasonCode");
        if (revokedFrom != null) {
            if (revokedFrom.equals(from) && revocationReason == reason) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("signer key " + kid + " is already revoked from " + revokedFrom
                    + " (" + revocationReason + ")");
        }
        return new SignerKey(kid, certificate, validFrom, validUntil, from, reason);
    }
}
