package org.pramaan.verifier.receipt;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.verifier.config.VerifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The verifier's own ES256 key for signing receipts, kept as PEM files under
 * {@code $PRAMAAN_HOME/verifier/} (made on first start), and its public half as a JWK (RFC 7517)
 * with an RFC 7638 thumbprint as {@code kid}, so a bank can check a receipt years later.
 */
@Component
public class ReceiptKey {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptKey.class);

    private final PrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final Map<String, String> jwk;

    public ReceiptKey(VerifierProperties properties) {
        Path dir = properties.home().resolve("verifier");
        Path privatePem = dir.resolve("receipt-key.pem");
        Path publicPem = dir.resolve("receipt-key.pub.pem");
        try {
            if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                KeyFiles.writePrivateKey(pair.getPrivate(), privatePem);
                try (Writer writer = Files.newBufferedWriter(publicPem, StandardCharsets.US_ASCII);
                     JcaPEMWriter out = new JcaPEMWriter(writer)) {
                    out.writeObject(pair.getPublic());
                }
                LOG.info("created the verifier's receipt signing key at {}", privatePem.toAbsolutePath());
            }
            this.privateKey = KeyFiles.readPrivateKey(privatePem);
            try (Reader reader = Files.newBufferedReader(publicPem, StandardCharsets.US_ASCII);
                 PEMParser parser = new PEMParser(reader)) {
                this.publicKey = (ECPublicKey) new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the receipt key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform cannot make a P-256 key", e);
        }
        this.jwk = toJwk(publicKey);
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    /** The public key as a JWK, with {@code kid}, {@code use} and {@code alg}. */
    public Map<String, String> jwk() {
        return jwk;
    }

    public String kid() {
        return jwk.get("kid");
    }

    private static Map<String, String> toJwk(ECPublicKey key) {
        String x = base64Url(unsigned(key.getW().getAffineX()));
        String y = base64Url(unsigned(key.getW().getAffineY()));
        // RFC 7638: the thumbprint is over the required members in lexicographic order, no spaces.
        String canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        String kid;
        try {
            kid = base64Url(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", x);
        jwk.put("y", y);
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        return Map.copyOf(jwk);
    }

    /** A coordinate as exactly 32 big-endian bytes. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
