package org.pramaan.issuer.certificate;

import org.pramaan.issuer.pdf.CertificateDocument;

/** Turns a localised certificate into its printable PDF. */
public interface CertificateRenderer {

    byte[] render(CertificateDocument document);
}
