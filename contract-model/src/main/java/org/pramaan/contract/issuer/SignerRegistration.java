package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.KeyId;

/**
 * The argument of {@code AddSignerKey}:
 * {@code {"kid":"...","certificate":"-----BEGIN CERTIFICATE-----...","validFrom":"...","validUntil":"..."}}.
 *
 * <p>The kid must be the one the certificate implies (first 8 bytes of SHA-256 over its DER), so
 * that a verifier holding the certificate and the ledger agree on which key signed; and the signing
 * period must lie within the certificate's own validity.
 */
@JsonPropertyOrder({"kid", "certificate", "validFrom", "validUntil"})
public record SignerRegistration(KeyId kid, String certificate, Instant validFrom, Instant validUntil) {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";
    private static final int MAX_PEM_LENGTH = 8192;

    public SignerRegistration {
        Checks.present(kid, "kid");
        Checks.present(certificate, "certificate");
        Checks.present(validFrom, "validFrom");
        Checks.present(validUntil, "validUntil");
    }

    /** The key to store, with the certificate checked and re-encoded in one canonical PEM layout. */
    public SignerKey toSignerKey() {
        X509Certificate x509 = parse(decodePem(certificate));
        byte[] der = encoded(x509);
        KeyId implied = KeyId.of(HexFormat.of().formatHex(sha256(der), 0, 8));
        if (!implied.equals(kid)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("kid " + kid + " does not match the certificate, whose kid is "
                    + implied);
        }
        Instant notBefore = x509.getNotBefore().toInstant();
        Instant notAfter = x509.getNotAfter().toInstant();
        if (validFrom.isBefore(notBefore) || validUntil.isAfter(notAfter)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("signer key " + kid + ": period " + validFrom + " .. "
                    + validUntil + " lies outside the certificate's validity " + notBefore + " .. " + notAfter);
        }
        return new SignerKey(kid, encodePem(der), validFrom, validUntil, null, null);
    }

    private static byte[] decodePem(String pem) {
        if (pem.length() > MAX_PEM_LENGTH) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate PEM is longer than " + MAX_PEM_LENGTH + " characters");
        }
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate must be one PEM block (" + BEGIN + " ... " + END + ")");
        }
        String body = text.substring(BEGIN.length(), text.length() - END.length());
        if (body.contains("-----")) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate must be exactly one PEM block");
        }
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate PEM body is not Base64: " + e.getMessage());
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate is not an X.509 certificate: " + e.getMessage());
        }
    }

    /** The certificate's own DER, so that bytes trailing the certificate in the PEM count for nothing. */
    private static byte[] encoded(X509Certificate x509) {
        try {
            return x509.getEncoded();
        } catch (CertificateException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate cannot be encoded: " + e.getMessage());
        }
    }

    static String encodePem(byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + "\n" + base64 + "\n" + END + "\n";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
