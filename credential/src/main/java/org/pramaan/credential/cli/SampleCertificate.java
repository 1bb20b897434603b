package org.pramaan.credential.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;

/**
 * A typical Revenue income certificate in Telugu: holder, father's name, address, annual income,
 * purpose, issue and expiry dates. The demo signs it, and the QR-size test holds the line at
 * version 15 with it. The holder name is 40 characters, as long names here are.
 */
public final class SampleCertificate {

    public static final DepartmentCode REVENUE = DepartmentCode.of("REV");
    public static final String HOLDER_NAME = "కొండపల్లి వెంకట లక్ష్మీ సత్యనారాయణమూర్తి";

    private SampleCertificate() {
    }

    public static CertificateClaims incomeCertificate(Instant issuedAt) {
        Map<String, String> fields = new LinkedHashMap<>();
        // Short keys: the catalog's form gives each field its label in three languages; the QR carries only the key.
        fields.put("fn", "కొండపల్లి రామచంద్ర రావు");
        fields.put("ad", "12-3-45, గాంధీ నగర్, విజయవాడ");
        fields.put("ai", "96000");
        fields.put("pu", "ఉపకార వేతనం");
        return new CertificateClaims(REVENUE,
                CertificateId.generate(REVENUE, "INC", Year.from(issuedAt.atZone(ZoneOffset.UTC))),
                issuedAt, issuedAt.plus(Duration.ofDays(365)),
                new CertificateBody("INC", HOLDER_NAME, fields, Language.TE));
    }
}
