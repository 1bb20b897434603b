package org.pramaan.verifier.receipt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.pramaan.credential.CryptoProvider;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.verification.LedgerEvidence;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs verification receipts: a compact JWS (RFC 7515, ES256) stating what was checked (a SHA-256
 * of the presented QR text or file, never the personal data itself), the answer, the ledger
 * evidence, and when. A bank files it as evidence; anyone can check it with the published key.
 */
@Component
public class ReceiptSigner {

    private final ReceiptKey key;
    private final Clock clock;
    private final String issuer;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReceiptSigner(ReceiptKey key, Clock clock, VerifierProperties properties) {
        this.key = key;
        this.clock = clock;
        this.issuer = properties.baseUrl();
    }

    /** A receipt for {@code verdict}, given for {@code presented} (the QR text or file bytes). */
    public String sign(byte[] presented, String inputKind, Verdict verdict) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("input", Map.of("kind", inputKind, "sha256", sha256(presented)));
        claims.put("status", verdict.status().name());
        verdict.claims().ifPresent(c -> {
            claims.put("certificateId", c.certificateId().toString());
            claims.put("department", c.issuer().value());
        });
        verdict.ledger().ifPresent(l -> claims.put("ledger", ledger(l)));
        Map<String, String> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "pramaan-receipt+jwt");
        header.put("kid", key.kid());
        String signingInput = ReceiptKey.base64Url(json.writeValueAsBytes(header)) + "."
                + ReceiptKey.base64Url(json.writeValueAsBytes(claims));
        try {
            // The credential library's provider (native where it loads), JWS ES256's raw r||s form.
            byte[] signature = CryptoProvider.active().signEs256(key.privateKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ReceiptKey.base64Url(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a receipt with the verifier's key", e);
        }
    }

    /**
     * The offline bundle payload as a COSE_Sign1 by the receipt key, its {@code kid} the UTF-8 of the
     * published JWK's {@code kid} (docs/offline-bundle.md).
     */
    public byte[] signBundle(byte[] payload) {
        return org.pramaan.credential.offline.BundleCodec.sign(payload, key.privateKey(),
                key.kid().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> ledger(LedgerEvidence l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transactionId", l.transactionId());
        out.put("blockNumber", l.blockNumber());
        out.put("checkedAt", l.checkedAt() == null ? null : l.checkedAt().toString());
        out.put("fresh", l.fresh());
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
