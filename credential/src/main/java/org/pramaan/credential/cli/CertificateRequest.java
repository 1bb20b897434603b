package org.pramaan.credential.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
 * A certificate to sign, as department IT staff write it in JSON:
 *
 * <pre>{@code
 * {"type": "INC", "holderName": "...", "language": "te", "validDays": 365,
 *  "fields": {"fatherName": "...", "annualIncome": "96000"}}
 * }</pre>
 * {@code id} is optional (a fresh one is made); unknown keys are refused, so a typo is not signed silently.
 */
record CertificateRequest(String id, String type, String holderName, String language, Integer validDays,
                          LinkedHashMap<String, String> fields) {

    static CertificateRequest read(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return mapper.readValue(file.toFile(), CertificateRequest.class);
    }

    CertificateClaims toClaims(DepartmentCode department, Clock clock) {
        if (type == null || holderName == null) {
            throw new IllegalArgumentException("the certificate needs \"type\" and \"holderName\"");
        }
        Instant now = clock.instant();
        CertificateId certificateId = id == null
                ? CertificateId.generate(department, type, Year.now(clock.withZone(ZoneOffset.UTC)))
                : CertificateId.parse(id);
        int days = validDays == null ? 365 : validDays;
        if (days < 1 || days > 36500) {
            throw new IllegalArgumentException("validDays must be 1 to 36500, got " + days);
        }
        Map<String, String> body = fields == null ? Map.of() : fields;
        return new CertificateClaims(department, certificateId, now, now.plus(Duration.ofDays(days)),
                new CertificateBody(type, holderName, body, Language.ofCode(language == null ? "en" : language)));
    }
}
