package org.pramaan.chaincode.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;

/**
 * Test data made the way the rest of Pramaan makes it: ids and signer certificates come from the
 * credential library, so the contract is checked against its real producer, not against itself.
 */
public final class Fixtures {

    public static final Instant KEY_FROM = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant KEY_UNTIL = Instant.parse("2028-01-01T00:00:00Z");
    public static final Instant VALID_UNTIL = Instant.parse("2031-03-01T00:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CertificateAuthority ROOT = CertificateAuthority.createRoot("Pramaan Test Root",
            Instant.parse("2025-01-01T00:00:00Z"), Duration.ofDays(3650));

    private Fixtures() {
    }

    /** A department signer certificate: its kid (hex) and PEM. */
    public record Signer(String kid, String pem, X509Certificate certificate) {
    }

    public static Signer signer(String department) {
        SignerKey key = ROOT.issueSigner(DepartmentCode.of(department), Instant.parse("2025-06-01T00:00:00Z"),
                Duration.ofDays(5 * 365));
        return new Signer(KeyId.of(key.certificate()).hex(), pem(key.certificate()), key.certificate());
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String newId(String department, String type) {
        return CertificateId.generate(DepartmentCode.of(department), type, Year.of(2026)).toString();
    }

    public static String hash(String seed) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String issuerJson(String department) {
        return json(Map.of("department", department,
                "names", Map.of("en", department + " Department", "te", "రెవెన్యూ శాఖ", "hi", "राजस्व विभाग")));
    }

    public static String signerJson(Signer signer) {
        return signerJson(signer.kid(), signer.pem(), KEY_FROM, KEY_UNTIL);
    }

    public static String signerJson(String kid, String pem, Instant from, Instant until) {
        Map<String, Object> signer = new LinkedHashMap<>();
        signer.put("kid", kid);
        signer.put("certificate", pem);
        signer.put("validFrom", from.toString());
        signer.put("validUntil", until.toString());
        return json(signer);
    }

    /** One batch entry for {@code id}, department and type taken from the id. */
    public static Map<String, Object> entry(String id, String claimsHash, String kid) {
        String[] parts = id.split("-");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", id);
        entry.put("department", parts[0]);
        entry.put("type", parts[1]);
        entry.put("claimsHash", claimsHash);
        entry.put("kid", kid);
        entry.put("validUntil", VALID_UNTIL.toString());
        return entry;
    }

    public static String batch(List<Map<String, Object>> entries) {
        return json(Map.of("certificates", entries));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of copies the array and never writes to it
    public static String batch(Map<String, Object>... entries) {
        return batch(List.of(entries));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    /** Registers {@code department} and gives it one signer key valid from {@link #KEY_FROM}; returns the signer. */
    public static Signer registerDepartment(ContractHarness harness, String department) {
        Signer signer = signer(department);
        Session admin = harness.as(TestIdentity.admin());
        admin.registerIssuer(issuerJson(department));
        admin.addSignerKey(department, signerJson(signer));
        return signer;
    }
}
