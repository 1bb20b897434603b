package org.pramaan.issuer.certificate;

import org.pramaan.issuer.pdf.CertificateDocument;
import org.pramaan.issuer.pdf.PdfSignature;

/** Turns a localised certificate into its printable PDF. */
public interface CertificateRenderer {

    /** The PDF, signed with {@code signature} in the same save, or unsigned when it is null. */
    byte[] render(CertificateDocument document, PdfSignature signature);
}
