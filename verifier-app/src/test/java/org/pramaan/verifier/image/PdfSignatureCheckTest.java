package org.pramaan.verifier.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;

/**
 * The verifier's check of an uploaded PDF's own signature: valid when a ledger-listed department key
 * signed it and nothing changed; "changed after signing" when a byte is altered or an update appended;
 * unknown signer when the key is not one the ledger lists or was revoked before the signing time.
 * The PDFs are signed here with PDFBox and Bouncy Castle as the issuer does (the services share no code).
 */
class PdfSignatureCheckTest {

    static CertificateAuthority root;
    static SignerKey key;
    static byte[] signed;

    @BeforeAll
    static void sign() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        root = CertificateAuthority.createRoot("Test State Root", start, Duration.ofDays(3650));
        key = root.issueSigner(DepartmentCode.of("REV"), start, Duration.ofDays(1000));
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(blank);
        }
        signed = TestPdfSigning.sign(blank.toByteArray(), key);
    }

    private static PdfSignatureCheck.Finding check(byte[] pdf, TrustList trust) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return PdfSignatureCheck.check(document, pdf, trust, List.of(root.certificate()));
        }
    }

    private static TrustList listing(TrustedSigner signer) {
        return TrustList.build(root.certificate(), List.of(signer));
    }

    @Test
    void aLedgerListedDepartmentKeyAndAnUnchangedFileIsValid() throws Exception {
        PdfSignatureCheck.Finding finding = check(signed, listing(new TrustedSigner(DepartmentCode.of("REV"), key.certificate())));
        assertThat(finding.status()).as(finding.reason()).isEqualTo(PdfSignatureCheck.Status.VALID);
        assertThat(finding.department()).isEqualTo("REV");
        assertThat(finding.kid()).isEqualTo(key.kid().hex());
    }

    @Test
    void oneAlteredByteIsChangedAfterSigning() throws Exception {
        byte[] altered = signed.clone();
        int at = new String(signed, StandardCharsets.ISO_8859_1).indexOf("/MediaBox");
        altered[at + 2] = (byte) 'E'; // /MediaBox -> /MEdiaBox: still a PDF, no longer what was signed
        PdfSignatureCheck.Finding finding = check(altered, listing(new TrustedSigner(DepartmentCode.of("REV"), key.certificate())));
        assertThat(finding.status()).isEqualTo(PdfSignatureCheck.Status.CHANGED_AFTER_SIGNING);
    }

    @Test
    void anAppendedUpdateIsChangedAfterSigning() throws Exception {
        byte[] appended = new byte[signed.length + 20];
        System.arraycopy(signed, 0, appended, 0, signed.length);
        System.arraycopy("\n% added later     \n".getBytes(StandardCharsets.US_ASCII), 0, appended, signed.length, 20);
        PdfSignatureCheck.Finding finding = check(appended, listing(new TrustedSigner(DepartmentCode.of("REV"), key.certificate())));
        assertThat(finding.status()).isEqualTo(PdfSignatureCheck.Status.CHANGED_AFTER_SIGNING);
        assertThat(finding.reason()).contains("added");
    }

    @Test
    void aKeyTheLedgerDoesNotListIsAnUnknownSigner() throws Exception {
        SignerKey other = root.issueSigner(DepartmentCode.of("REV"), Instant.now().minusSeconds(60), Duration.ofDays(10));
        PdfSignatureCheck.Finding finding = check(signed, listing(new TrustedSigner(DepartmentCode.of("REV"), other.certificate())));
        assertThat(finding.status()).isEqualTo(PdfSignatureCheck.Status.UNKNOWN_SIGNER);
    }

    @Test
    void aKeyRevokedBeforeTheClaimedSigningTimeIsAnUnknownSigner() throws Exception {
        TrustedSigner revoked = new TrustedSigner(DepartmentCode.of("REV"), key.certificate(),
                java.util.Optional.of(Instant.now().minus(Duration.ofHours(1))));
        PdfSignatureCheck.Finding finding = check(signed, listing(revoked));
        assertThat(finding.status()).isEqualTo(PdfSignatureCheck.Status.UNKNOWN_SIGNER);
        assertThat(finding.reason()).contains("revoked");
    }

    @Test
    void aPdfWithoutASignatureSaysSo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            document.save(out);
        }
        PdfSignatureCheck.Finding finding = check(out.toByteArray(), listing(new TrustedSigner(DepartmentCode.of("REV"), key.certificate())));
        assertThat(finding.status()).isEqualTo(PdfSignatureCheck.Status.NOT_SIGNED);
    }
}
