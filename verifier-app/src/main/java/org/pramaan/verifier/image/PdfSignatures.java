package org.pramaan.verifier.image;

import java.io.IOException;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.pramaan.verifier.trust.RootCertificates;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.springframework.stereotype.Component;

/**
 * The uploaded PDF's own signature, checked against the department keys the ledger lists now
 * ({@link TrustedIssuers}) and the state roots (for the timestamp authority). Only parses: the costly
 * part of an upload (rendering) is bounded in {@link CredentialFiles}, which has read the same file.
 */
@Component
public class PdfSignatures {

    private final TrustedIssuers issuers;
    private final RootCertificates roots;

    public PdfSignatures(TrustedIssuers issuers, RootCertificates roots) {
        this.issuers = issuers;
        this.roots = roots;
    }

    /** The finding for a PDF; empty for anything that is not a PDF (an image has no signature of its own). */
    public Optional<PdfSignatureCheck.Finding> check(byte[] file) {
        if (file.length < 5 || !new String(file, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
            return Optional.empty();
        }
        try (PDDocument document = Loader.loadPDF(file)) {
            return Optional.of(PdfSignatureCheck.check(document, file, issuers.current().trustList(), roots.roots()));
        } catch (IOException e) {
            return Optional.of(PdfSignatureCheck.Finding.of(PdfSignatureCheck.Status.MALFORMED, "the PDF cannot be read"));
        }
    }
}
