package org.pramaan.issuer.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.catalog.Department;
import org.pramaan.issuer.certificate.CertificateSeal;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.issuer.pdf.PdfSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The department's PAdES signature on every certificate PDF, with the key that signed the credential
 * (so the ledger's listing, rotation and revocation of that key govern both) and the chain up to the
 * state root: the development root with development keys, else the configured chain file. Timestamps
 * come from the configured TSA, or with development keys from the {@link DevelopmentTsa}.
 */
@Component
public class DepartmentSeal implements CertificateSeal {

    private static final Logger LOG = LoggerFactory.getLogger(DepartmentSeal.class);

    private final PadesSigner signer;
    private final List<X509Certificate> chain;
    private final Optional<DevelopmentTsa> developmentTsa;

    public DepartmentSeal(SignerKeys keys, PdfSignatureProperties properties, Clock clock) {
        this.developmentTsa = properties.tsaUrl().isBlank()
                ? keys.developmentRoot().map(root -> new DevelopmentTsa(root, clock)) : Optional.empty();
        Optional<Timestamps> timestamps = properties.tsaUrl().isBlank()
                ? developmentTsa.map(t -> (Timestamps) t)
                : Optional.of(new HttpTimestamps(URI.create(properties.tsaUrl()), properties.timeout()));
        this.signer = new PadesSigner(timestamps, properties.location());
        this.chain = keys.developmentRoot().map(root -> List.of(root.certificate()))
                .orElseGet(() -> readChain(properties));
        LOG.info("certificate PDFs are signed PAdES {}{}", timestamps.isPresent() ? "B-T" : "B-B",
                properties.tsaUrl().isBlank() ? (developmentTsa.isPresent() ? ", timestamps by the development TSA" : "")
                        : ", timestamps from " + properties.tsaUrl());
    }

    @Override
    public PdfSignature signature(SignerKey key, Department department, Instant signedAt) {
        return signer.signature(key, chain, department.names().en(),
                "Issued by " + department.names().en() + " (" + department.code().value() + ")", signedAt);
    }

    /** The development TSA, when this service runs one (served at {@code POST /api/v1/tsa}). */
    public Optional<DevelopmentTsa> developmentTsa() {
        return developmentTsa;
    }

    public boolean timestamped() {
        return signer.timestamped();
    }

    private static List<X509Certificate> readChain(PdfSignatureProperties properties) {
        if (properties.chain() == null || properties.chain().toString().isBlank()) {
            // Validators that hold the root still build the path from the signer's certificate alone.
            LOG.warn("no PDF_SIGNATURE_CHAIN configured: PDF signatures carry the department certificate only");
            return List.of();
        }
        try (InputStream in = Files.newInputStream(properties.chain())) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PDF_SIGNATURE_CHAIN " + properties.chain(), e);
        } catch (CertificateException e) {
            throw new IllegalStateException("PDF_SIGNATURE_CHAIN " + properties.chain() + " is not PEM certificates", e);
        }
    }
}
