package org.pramaan.issuer.seal;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The two independent validators the tests ask: the EU's DSS library and Poppler's {@code pdfsig}. */
final class PadesValidators {

    private PadesValidators() {
    }

    /** DSS's verdict on the (only) signature, with the state root trusted and the CRL given offline. */
    record DssVerdict(Indication indication, SignatureLevel level, String subIndication) {
    }

    static DssVerdict dss(byte[] pdf, X509Certificate root, byte[] crl) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(root));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(crl)));
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        SimpleReport report = validator.validateDocument().getSimpleReport();
        if (report.getSignatureIdList().size() != 1) {
            return new DssVerdict(null, null, "signatures found: " + report.getSignatureIdList().size());
        }
        String id = report.getFirstSignatureId();
        return new DssVerdict(report.getIndication(id), report.getSignatureFormat(id),
                String.valueOf(report.getSubIndication(id)) + " " + report.getAdESValidationErrors(id));
    }

    /** {@code pdfsig}'s report (exit code and output), with an NSS database when one is given. */
    record PdfsigReport(int exit, String output) {
    }

    static PdfsigReport pdfsig(Path pdf, Path nssDatabase) throws IOException, InterruptedException {
        List<String> command = nssDatabase == null ? List.of("pdfsig", pdf.toString())
                : List.of("pdfsig", "-nssdir", "sql:" + nssDatabase, pdf.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pdfsig did not finish in 60 s");
        }
        return new PdfsigReport(process.exitValue(), output);
    }

    /** An NSS database (made with {@code certutil}) trusting {@code root} for signing certificates. */
    static Path nssDatabase(Path folder, X509Certificate root) throws Exception {
        Files.createDirectories(folder);
        Path pem = folder.resolve("root.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(root.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        run("certutil", "-N", "-d", "sql:" + folder, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + folder, "-n", "pramaan-root", "-t", "CT,C,C", "-a", "-i", pem.toString());
        return folder;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
