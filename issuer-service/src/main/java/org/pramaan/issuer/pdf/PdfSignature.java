package org.pramaan.issuer.pdf;

import java.time.Instant;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;

/**
 * The signature a certificate PDF is saved with ({@link CertificatePdfRenderer#render(CertificateDocument,
 * PdfSignature)}): what PDF readers show of it, the room reserved for the CMS, and {@code cms}, which makes the
 * detached CMS signature of the bytes the signature's byte range covers (the seal's PAdES signer).
 *
 * @param signerName    who signs, as readers show it (the department's name)
 * @param reason        why, as readers show it
 * @param location      where, as readers show it
 * @param signedAt      the claimed signing time, the signature dictionary's {@code M}
 * @param reservedBytes room for the CMS, in bytes (written as twice as many hex digits)
 * @param cms           the CMS maker, given the signed bytes
 */
public record PdfSignature(String signerName, String reason, String location, Instant signedAt, int reservedBytes,
                           SignatureInterface cms) {

    public PdfSignature {
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(cms, "cms");
        if (reservedBytes < 1024) {
            throw new IllegalArgumentException("reservedBytes " + reservedBytes + " cannot hold a CMS signature");
        }
    }
}
