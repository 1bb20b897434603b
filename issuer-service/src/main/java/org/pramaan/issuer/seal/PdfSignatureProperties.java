package org.pramaan.issuer.seal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How certificate PDFs are signed (PAdES).
 *
 * @param tsaUrl   the certifying authority's RFC 3161 timestamp service ({@code PDF_SIGNATURE_TSA_URL}); empty:
 *                 with development keys the service's own development TSA stamps (PAdES B-T), otherwise no
 *                 timestamp is added (B-B)
 * @param timeout  how long one timestamp request may take
 * @param chain    production: a PEM file of the CA certificates above the department signing certificates (state
 *                 root first or last, any order), carried in every signature ({@code PDF_SIGNATURE_CHAIN});
 *                 with development keys the development root is used
 * @param location the signature's location entry, shown by PDF readers
 */
@ConfigurationProperties("pramaan.pdf.signature")
public record PdfSignatureProperties(@DefaultValue("") String tsaUrl, @DefaultValue("10s") Duration timeout,
                                     Path chain, @DefaultValue("Andhra Pradesh, India") String location) {
}
