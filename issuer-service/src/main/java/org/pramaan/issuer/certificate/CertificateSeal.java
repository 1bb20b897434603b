package org.pramaan.issuer.certificate;

import java.time.Instant;
import org.pramaan.catalog.Department;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.pdf.PdfSignature;

/** The department's signature (PAdES, {@code seal.DepartmentSeal}) that a certificate PDF is rendered with. */
@FunctionalInterface
public interface CertificateSeal {

    /** No PDF signature: the PDF as rendered. */
    CertificateSeal NONE = (key, department, signedAt) -> null;

    /** The signature by {@code key}, the key that signed the credential inside the PDF; null: none. */
    PdfSignature signature(SignerKey key, Department department, Instant signedAt);
}
