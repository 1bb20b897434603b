package org.pramaan.issuer.certificate;

import java.time.Instant;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.catalog.Department;

/** Signs a rendered certificate PDF for its department (PAdES, {@code seal.DepartmentSeal}). */
@FunctionalInterface
public interface CertificateSeal {

    /** No PDF signature: the PDF as rendered. */
    CertificateSeal NONE = (pdf, key, department, signedAt) -> pdf;

    /** The PDF signed with {@code key}, the key that signed the credential inside it. */
    byte[] seal(byte[] pdf, SignerKey key, Department department, Instant signedAt);
}
