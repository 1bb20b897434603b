package org.pramaan.credential.offline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.ClaimsCodec;
import org.pramaan.credential.CoseSign1;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.CredentialText;
import org.pramaan.credential.Language;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.keys.SignerKey;

/**
 * Makes the offline test vectors (credential/src/test/resources/offline-vectors/*.json), shared by the
 * server's tests, the Java offline verifier's and the browser verifier's (Node). Keys are fixed
 * ({@link VectorKeys}), ids and times too; only ECDSA's random nonces differ between runs, so re-running
 * gives equivalent vectors. Run from the credential module:
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.pramaan.credential.offline.OfflineVectorGenerator src/test/resources/offline-vectors
 * </pre>
 * (the class path file from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt}).
 */
public final class OfflineVectorGenerator {

    static final String BASE_URL = "HTTPS://VERIFY.EXAMPLE.GOV.IN";
    static final Instant KEYS_FROM = Instant.parse("2025-01-01T00:00:00Z");
    /** When the bundle was built; vectors verify an hour later unless they test staleness. */
    static final Instant BUILT_AT = Instant.parse("2026-06-01T06:00:00Z");
    static final Instant NOW = BUILT_AT.plus(Duration.ofHours(1));
    static final Duration MAX_AGE = Duration.ofDays(1);
    static final long HEIGHT = 4242;

    static final DepartmentCode REV = DepartmentCode.of("REV");
    static final DepartmentCode HLT = DepartmentCode.of("HLT");

    private OfflineVectorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "src/test/resources/offline-vectors"));
    }

    /** The vectors, by file name. */
    static Map<String, Map<String, Object>> vectors() {
        KeyPair rootPair = VectorKeys.fixed("state root");
        X509Certificate root = VectorKeys.root("Vector State Root CA", rootPair, KEYS_FROM, Duration.ofDays(7300));
        SignerKey rev = VectorKeys.signer(REV, VectorKeys.fixed("REV signer"), root, rootPair.getPrivate(), 2,
                KEYS_FROM, Duration.ofDays(3650));
        SignerKey hlt = VectorKeys.signer(HLT, VectorKeys.fixed("HLT signer"), root, rootPair.getPrivate(), 3,
                KEYS_FROM, Duration.ofDays(3650));
        // The same department under a root nobody trusts: what a forger with their own CA makes.
        KeyPair otherRootPair = VectorKeys.fixed("forger root");
        X509Certificate otherRoot = VectorKeys.root("Forged State Root CA", otherRootPair, KEYS_FROM, Duration.ofDays(7300));
        SignerKey forged = VectorKeys.signer(REV, VectorKeys.fixed("forged REV signer"), otherRoot,
                otherRootPair.getPrivate(), 4, KEYS_FROM, Duration.ofDays(3650));
        KeyPair receipt = VectorKeys.fixed("verifier receipt key");
        KeyPair wrongReceipt = VectorKeys.fixed("not the verifier's receipt key");
        Instant hltWithdrawnFrom = Instant.parse("2026-02-01T00:00:00Z");

        CertificateClaims valid = claims(REV, "INC", 1, "Kondapalli Venkata Lakshmi", Instant.parse("2026-03-10T09:30:00Z"), 365);
        CertificateClaims revoked = claims(REV, "INC", 2, "Revoked Holder", Instant.parse("2026-03-11T10:00:00Z"), 365);
        CertificateClaims held = claims(REV, "CST", 3, "Held Holder", Instant.parse("2026-03-12T10:00:00Z"), 365);
        CertificateClaims expired = claims(REV, "INC", 4, "Expired Holder", Instant.parse("2025-03-01T10:00:00Z"), 365);
        CertificateClaims beforeWithdrawal = claims(HLT, "BRT", 5, "Signed Before Withdrawal", Instant.parse("2026-01-15T10:00:00Z"), 3650);
        CertificateClaims afterWithdrawal = claims(HLT, "BRT", 6, "Signed After Withdrawal", Instant.parse("2026-03-01T10:00:00Z"), 3650);
        CertificateClaims unknown = claims(REV, "INC", 7, "Forged Holder", Instant.parse("2026-03-13T10:00:00Z"), 365);

        SignedCredential validSigned = new CredentialSigner(rev).sign(valid);
        Map<String, IdSet> revokedIds = Map.of("REV", IdSet.ofIds(withFiller(revoked.certificateId().toString(), "REV", 40)),
                "HLT", IdSet.ofIds(withFiller(null, "HLT", 5)));
        Map<String, IdSet> heldIds = Map.of("REV", IdSet.ofIds(withFiller(held.certificateId().toString(), "REVH", 3)));
        OfflineBundle bundle = new OfflineBundle(HEIGHT, BUILT_AT, MAX_AGE, List.of(root), List.of(
                new BundleSigner(REV, rev.kid(), rev.certificate(), KEYS_FROM, KEYS_FROM.plus(Duration.ofDays(3650)), Optional.empty()),
                new BundleSigner(HLT, hlt.kid(), hlt.certificate(), KEYS_FROM, KEYS_FROM.plus(Duration.ofDays(3650)),
                        Optional.of(hltWithdrawnFrom))),
                Map.of("REV", Map.of("en", "Revenue Department", "te", "రెవెన్యూ శాఖ", "hi", "राजस्व विभाग"),
                        "HLT", Map.of("en", "Health Department", "te", "ఆరోగ్య శాఖ", "hi", "स्वास्थ्य विभाग")),
                revokedIds, heldIds);
        byte[] payload = BundleCodec.encode(bundle);
        byte[] signed = BundleCodec.sign(payload, receipt.getPrivate(), receiptKid(receipt));
        byte[] wronglySigned = BundleCodec.sign(payload, wrongReceipt.getPrivate(), receiptKid(receipt));

        Map<String, Map<String, Object>> vectors = new LinkedHashMap<>();
        Vector v = new Vector(signed, receipt);
        vectors.put("valid", v.make("valid", "a genuine certificate, not revoked", validSigned.url(BASE_URL), NOW,
                "VALID", null, false));
        vectors.put("tampered", v.make("tampered", "the holder's name changed after signing; the signature no longer holds",
                tampered(validSigned), NOW, "TAMPERED", null, false));
        vectors.put("unknown-issuer", v.make("unknown issuer", "signed by a REV key chained to a root the bundle does not trust",
                new CredentialSigner(forged).sign(unknown).url(BASE_URL), NOW, "UNKNOWN_ISSUER", null, false));
        vectors.put("key-revoked", v.make("key revoked", "signed by HLT's key after HLT withdrew it (revokedAt 2026-02-01)",
                new CredentialSigner(hlt).sign(afterWithdrawal).url(BASE_URL), NOW, "UNKNOWN_ISSUER", "KEY_WITHDRAWN", false));
        vectors.put("signed-before-key-revoked", v.make("signed before key revoked",
                "signed by HLT's key before its withdrawal: still genuine",
                new CredentialSigner(hlt).sign(beforeWithdrawal).url(BASE_URL), NOW, "VALID", null, false));
        vectors.put("expired", v.make("expired", "expired on 2026-03-01",
                new CredentialSigner(rev).sign(expired).url(BASE_URL), NOW, "EXPIRED", null, false));
        vectors.put("revoked", v.make("revoked certificate", "its id is in the bundle's revoked set for REV",
                new CredentialSigner(rev).sign(revoked).url(BASE_URL), NOW, "REVOKED", null, false));
        vectors.put("held", v.make("held", "its id is in the bundle's held set for REV",
                new CredentialSigner(rev).sign(held).url(BASE_URL), NOW, "ON_HOLD", null, false));
        vectors.put("malformed-qr", v.make("malformed QR", "a verifier URL whose payload is not Base32",
                BASE_URL + "/C/THIS-IS-NOT-A-CREDENTIAL!", NOW, "MALFORMED", "NOT_BASE32", false));
        vectors.put("malformed-not-cose", v.make("malformed, not COSE", "valid Base32 and zlib, but the bytes are not a COSE_Sign1",
                BASE_URL + "/C/" + CredentialText.payload("not a credential".getBytes(StandardCharsets.UTF_8)), NOW,
                "MALFORMED", "NOT_COSE_SIGN1", false));
        vectors.put("bad-bundle-signature", new Vector(wronglySigned, receipt).make("bundle with a bad signature",
                "the bundle is signed by another key than the receipt key: refuse it, verify nothing",
                validSigned.url(BASE_URL), NOW, "UNAVAILABLE", "BUNDLE_SIGNATURE", false));
        vectors.put("stale-bundle", v.make("stale bundle", "a genuine certificate checked two days after the bundle was built:"
                        + " still answered, with the advice to reconnect",
                validSigned.url(BASE_URL), BUILT_AT.plus(Duration.ofDays(2)), "VALID", null, true));
        return vectors;
    }

    static void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (Map.Entry<String, Map<String, Object>> vector : vectors().entrySet()) {
            Files.writeString(directory.resolve(vector.getKey() + ".json"),
                    json.writeValueAsString(vector.getValue()) + "\n", StandardCharsets.UTF_8);
        }
    }

    /** The receipt key's id as the server puts it in the bundle's header: the UTF-8 of its JWK thumbprint. */
    static byte[] receiptKid(KeyPair receipt) {
        java.security.interfaces.ECPublicKey key = (java.security.interfaces.ECPublicKey) receipt.getPublic();
        String x = base64Url(unsigned32(key.getW().getAffineX()));
        String y = base64Url(unsigned32(key.getW().getAffineY()));
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        return base64Url(sha256(canonical.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
    }

    private record Vector(byte[] bundle, KeyPair receipt) {

        Map<String, Object> make(String name, String description, String qr, Instant now, String status, String reason,
                                 boolean reconnect) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", name);
            out.put("description", description);
            out.put("qr", qr);
            out.put("bundle", Base64.getEncoder().encodeToString(bundle));
            out.put("receiptKey", Base64.getEncoder().encodeToString(receipt.getPublic().getEncoded()));
            out.put("now", now.getEpochSecond());
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("status", status);
            if (reason != null) {
                expected.put("reason", reason);
            }
            expected.put("reconnect", reconnect);
            out.put("expected", expected);
            return out;
        }
    }

    /** The signed credential with another holder name in its payload and the original signature. */
    private static String tampered(SignedCredential original) {
        CertificateClaims claims = original.claims();
        CertificateClaims changed = new CertificateClaims(claims.issuer(), claims.certificateId(), claims.issuedAt(),
                claims.expiresAt(), new CertificateBody(claims.body().type(), "Somebody Else", claims.body().fields(),
                claims.body().language()));
        CoseSign1 cose = original.cose();
        CoseSign1 forgedCose = new CoseSign1(cose.protectedHeader(), cose.kid(), ClaimsCodec.encode(changed),
                cose.signature());
        return CredentialText.url(BASE_URL, forgedCose.encode());
    }

    private static CertificateClaims claims(DepartmentCode department, String type, int serial, String holder,
                                            Instant issued, int days) {
        byte[] compact = new byte[CertificateId.COMPACT_LENGTH];
        int year = issued.atZone(java.time.ZoneOffset.UTC).getYear();
        compact[0] = (byte) (year >> 8);
        compact[1] = (byte) year;
        byte[] random = sha256(("vector certificate " + serial).getBytes(StandardCharsets.UTF_8));
        System.arraycopy(random, 0, compact, 2, CertificateId.COMPACT_LENGTH - 2);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("fatherName", "Ramachandra Rao");
        fields.put("annualIncome", "96000");
        return new CertificateClaims(department, CertificateId.fromCompact(department, type, compact), issued,
                issued.plus(Duration.ofDays(days)), new CertificateBody(type, holder, fields, Language.TE));
    }

    /** {@code id} (if any) and {@code count} synthetic ids of other certificates, so the sets are not trivially one entry. */
    private static List<String> withFiller(String id, String label, int count) {
        List<String> ids = new ArrayList<>();
        if (id != null) {
            ids.add(id);
        }
        for (int i = 0; i < count; i++) {
            ids.add("FILLER-" + label + "-" + i);
        }
        return ids;
    }

    private static byte[] unsigned32(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(bytes, bytes.length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
