package org.pramaan.issuer.certificate;

import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.SignerKey;

/** The key a department signs with now ({@link LedgerSigners} in the service; a fixed key in benchmarks). */
@FunctionalInterface
public interface SignerChoice {

    /** The key to sign with; {@link SigningKeyUnavailableException} when there is none. */
    SignerKey signer(DepartmentCode department);

    /**
     * The key {@code kid} of {@code department}, as long as it may still sign (a PDF rendered after the approval is
     * sealed by the key that signed its credential, even if the department has rotated since);
     * {@link SigningKeyUnavailableException} when it can no longer (revoked, expired, no longer held). This default
     * knows only the current key.
     */
    default SignerKey signer(DepartmentCode department, org.pramaan.contract.id.KeyId kid) {
        SignerKey key = signer(department);
        if (!key.kid().equals(kid)) {
            throw new SigningKeyUnavailableException(department, "key " + kid + " is no longer the one it signs with");
        }
        return key;
    }
}
