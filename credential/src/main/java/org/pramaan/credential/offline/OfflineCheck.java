package org.pramaan.credential.offline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.VerificationStatus;

/**
 * The offline verifier's answer, in the server's vocabulary.
 *
 * @param status           the server's status name for the same finding ({@code VALID}, {@code REVOKED},
 *                         {@code ON_HOLD}, {@code EXPIRED}, {@code TAMPERED}, {@code UNKNOWN_ISSUER},
 *                         {@code MALFORMED})
 * @param code             a finer, stable reason where the server has one: {@code KEY_WITHDRAWN} for a key
 *                         revoked before the signing, the malformed reason ({@code NOT_BASE32}, ...)
 * @param reason           a sentence in English
 * @param credential       the credential, when its signature holds
 * @param revocationsAsOf  when the bundle was built: "checked offline; revocations as of" this
 * @param reconnect        the bundle is older than its maximum age: the answer stands, but fetch a new bundle
 */
public record OfflineCheck(VerificationStatus status, Optional<String> code, String reason,
                           Optional<SignedCredential> credential, Instant revocationsAsOf, boolean reconnect) {

    public OfflineCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(revocationsAsOf, "revocationsAsOf");
    }
}
