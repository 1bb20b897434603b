package org.pramaan.credential.keys;

import java.net.URI;
import org.pramaan.contract.id.DepartmentCode;

/**
 * What a department signer certificate says beyond its key: the department's name (the subject's CN,
 * which PDF readers show as the signer) and where its CA publishes the CRL (the CRL distribution point).
 *
 * @param commonName           the subject's CN, e.g. {@code Revenue Department}
 * @param crlDistributionPoint the CRL's address, or null for none
 */
public record SignerProfile(String commonName, URI crlDistributionPoint) {

    /** The profile of certificates made before departments had names in them: CN = code + " Document Signer". */
    public static SignerProfile of(DepartmentCode department) {
        return new SignerProfile(department.value() + " Document Signer", null);
    }
}
