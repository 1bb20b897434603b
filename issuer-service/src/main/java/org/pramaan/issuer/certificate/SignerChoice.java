package org.pramaan.issuer.certificate;

import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.SignerKey;

/** The key a department signs with now ({@link LedgerSigners} in the service; a fixed key in benchmarks). */
@FunctionalInterface
public interface SignerChoice {

    /** The key to sign with; {@link SigningKeyUnavailableException} when there is none. */
    SignerKey signer(DepartmentCode department);
}
