package org.pramaan.credential;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.contract.id.CertificateId;

final class Samples {

    static final Instant ISSUED = Instant.parse("2026-03-10T09:30:00Z");

    private Samples() {
    }

    static CertificateClaims income(Instant issued) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fatherName", "Ramachandra Rao");
        fields.put("annualIncome", "96000");
        return new CertificateClaims(TestKeys.REV, CertificateId.generate(TestKeys.REV, "INC", Year.of(2026)),
                issued, issued.plus(Duration.ofDays(365)),
                new CertificateBody("INC", "Kondapalli Venkata Lakshmi", fields, Language.TE));
    }

    static SignedCredential signedIncome() {
        return new CredentialSigner(TestKeys.REV_SIGNER).sign(income(ISSUED));
    }
}
