package org.pramaan.issuer.seal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.pdf.CertificateDocument;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.pdf.TestCertificates;

/**
 * A Telugu, a Hindi and an English certificate rendered PDF/A-3b and signed PAdES B-T in the same save (the
 * development TSA), as issuance makes them: the files veraPDF, {@code pdfsig} and DSS are asked about.
 */
final class ArchivalSamples {

    final CertificateAuthority root;
    final SignerKey key;
    final byte[] crl;
    /** Language code (te, hi, en) to the signed PDF. */
    final Map<String, byte[]> signed = new LinkedHashMap<>();

    ArchivalSamples() {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        root = CertificateAuthority.createRoot("Pramaan Test State Root", start, Duration.ofDays(3650));
        key = root.issueSigner(DepartmentCode.of("REV"), start, Duration.ofDays(1000));
        crl = RevocationList.build(root, List.of(), Instant.now(), 1);
        PadesSigner signer = new PadesSigner(Optional.of(new DevelopmentTsa(root, Clock.systemUTC())), "Amaravati");
        CertificatePdfRenderer renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        TestCertificates samples = new TestCertificates();
        for (CertificateDocument document : List.of(samples.telugu(), samples.hindi(), samples.english())) {
            signed.put(document.language().code(), renderer.render(document, signer.signature(key,
                    List.of(root.certificate()), document.department().english(), "Issued", Instant.now())));
        }
    }
}
