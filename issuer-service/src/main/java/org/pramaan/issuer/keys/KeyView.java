package org.pramaan.issuer.keys;

import java.time.Instant;
import org.pramaan.contract.issuer.SignerKey;

/**
 * One signer key as {@code ./pramaan keys list} shows it: from the ledger, its department, kid,
 * period and revocation; {@code status} is ACTIVE, PENDING (not yet valid), EXPIRED, or the
 * revocation's code (RETIRED, KEY_COMPROMISE, SUPERSEDED); {@code signing} whether this service
 * signs with it now; {@code certificatesSigned} from the issuer's records (the ledger has no index by key).
 */
public record KeyView(String department, String kid, String status, Instant validFrom, Instant validUntil,
                      Instant revokedFrom, boolean signing, long certificatesSigned) {

    static KeyView of(String department, SignerKey key, Instant now, boolean signing, long signed) {
        String status;
        if (key.revocationReason() != null) {
            status = key.revocationReason().name();
        } else if (now.isBefore(key.validFrom())) {
            status = "PENDING";
        } else if (!now.isBefore(key.validUntil())) {
            status = "EXPIRED";
        } else {
            status = "ACTIVE";
        }
        return new KeyView(department, key.kid().toString(), status, key.validFrom(), key.validUntil(),
                key.revokedFrom(), signing, signed);
    }
}
