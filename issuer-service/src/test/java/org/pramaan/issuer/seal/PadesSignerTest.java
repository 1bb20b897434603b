package org.pramaan.issuer.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.pdf.TestCertificates;

/**
 * A rendered certificate signed PAdES: the CMS as PAdES asks, and Poppler's {@code pdfsig} (NSS, no code
 * shared with us) says valid, trusted with the root in its NSS database, and a digest mismatch after one
 * changed byte. The EU's DSS checks the same signatures in {@link PadesDssTest}.
 */
class PadesSignerTest {

    static CertificateAuthority root;
    static SignerKey key;
    static CertificatePdfRenderer renderer;
    static org.pramaan.issuer.pdf.CertificateDocument telugu;
    static DevelopmentTsa tsa;
    static byte[] crl;

    @BeforeAll
    static void render() {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        root = CertificateAuthority.createRoot("Pramaan Test State Root", start, Duration.ofDays(3650));
        key = root.issueSigner(DepartmentCode.of("REV"), start, Duration.ofDays(1000));
        tsa = new DevelopmentTsa(root, Clock.systemUTC());
        renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        telugu = new TestCertificates().telugu();
        crl = RevocationList.build(root, List.of(), Instant.now(), 1);
    }

    static byte[] sign(boolean timestamped) {
        PadesSigner signer = new PadesSigner(timestamped ? Optional.of(tsa) : Optional.empty(), "Amaravati");
        return renderer.render(telugu, signer.signature(key, List.of(root.certificate()), "Revenue Department", "Issued",
                Instant.now()));
    }

    @Test
    void theCmsIsCadesDetachedWithSigningCertificateV2AndNoSigningTime() throws Exception {
        byte[] pdf = sign(true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            // The byte range covers the whole file but the hex signature value.
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(pdf.length);
            // Contents is padded with zeros to its reserved size: read the one DER object at its start.
            CMSSignedData cms = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                    new org.bouncycastle.asn1.ASN1InputStream(signature.getContents()).readObject()));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            assertThat(signer.getEncryptionAlgOID()).isEqualTo("1.2.840.10045.4.3.2"); // ecdsa-with-SHA256
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime)).isNull();
            ASN1Encodable token = signer.getUnsignedAttributes()
                    .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0);
            assertThat(token).isNotNull();
        }
    }

    /**
     * One signer seals for two departments in turn (what it makes once per signing certificate is cached): each
     * PDF's CMS names its own department's certificate, in the signer info, the signing-certificate-v2 hash and
     * the certificates carried, and its signature verifies with that certificate's key.
     */
    @Test
    void twoDepartmentsSealsInTurnEachCarryTheirOwnCertificate() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        SignerKey other = root.issueSigner(DepartmentCode.of("HLTH"), start, Duration.ofDays(1000));
        PadesSigner signer = new PadesSigner(Optional.of(tsa), "Amaravati");
        for (int round = 0; round < 2; round++) {
            for (SignerKey department : List.of(key, other)) {
                byte[] pdf = renderer.render(telugu, signer.signature(department, List.of(root.certificate()),
                        "Department", "Issued", Instant.now()));
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    PDSignature signature = document.getLastSignatureDictionary();
                    CMSSignedData cms = new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(
                            signature.getSignedContent(pdf)), org.bouncycastle.asn1.cms.ContentInfo.getInstance(
                            new org.bouncycastle.asn1.ASN1InputStream(signature.getContents()).readObject()));
                    SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
                    java.security.cert.X509Certificate own = department.certificate();
                    assertThat(info.getSID().getSerialNumber()).isEqualTo(own.getSerialNumber());
                    assertThat(info.verify(new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                            .build(own))).as("the signature verifies with the department's own certificate").isTrue();
                    org.bouncycastle.asn1.ess.SigningCertificateV2 v2 = org.bouncycastle.asn1.ess.SigningCertificateV2
                            .getInstance(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)
                                    .getAttrValues().getObjectAt(0));
                    assertThat(v2.getCerts()[0].getCertHash()).isEqualTo(
                            java.security.MessageDigest.getInstance("SHA-256").digest(own.getEncoded()));
                    assertThat(cms.getCertificates().getMatches(null)).extracting(c -> c.getSerialNumber())
                            .contains(own.getSerialNumber())
                            .doesNotContain((department == key ? other : key).certificate().getSerialNumber());
                }
            }
        }
    }

    /** A timestamp authority that cannot answer makes no PDF at all (not one without its timestamp, B-B unasked). */
    @Test
    void aTimestampAuthorityThatCannotAnswerMakesNoPdf() {
        PadesSigner signer = new PadesSigner(Optional.of(imprint -> {
            throw new TimestampUnavailableException("the TSA did not answer", new java.io.IOException("refused"));
        }), "Amaravati");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render(telugu, signer.signature(key,
                        List.of(root.certificate()), "Revenue Department", "Issued", Instant.now())))
                .isInstanceOf(TimestampUnavailableException.class).hasMessageContaining("could not be timestamped")
                .satisfies(e -> assertThat(((TimestampUnavailableException) e).reason()).contains("did not answer"));
    }

    @Test
    void pdfsigSaysValidAndTrustedWithTheRootInItsNssDatabase(@TempDir Path folder) throws Exception {
        Path pdf = Files.write(folder.resolve("signed.pdf"), sign(true));
        PadesValidators.PdfsigReport plain = PadesValidators.pdfsig(pdf, null);
        assertThat(plain.output()).contains("Signature is Valid").contains("ETSI.CAdES.detached");
        Path nss = PadesValidators.nssDatabase(folder.resolve("nss"), root.certificate());
        PadesValidators.PdfsigReport trusted = PadesValidators.pdfsig(pdf, nss);
        assertThat(trusted.exit()).as(trusted.output()).isZero();
        assertThat(trusted.output()).contains("Signature is Valid").contains("Certificate is Trusted");
    }

    @Test
    void pdfsigSaysInvalidAfterOneChangedByte(@TempDir Path folder) throws Exception {
        Path pdf = Files.write(folder.resolve("changed.pdf"), changeOneByte(sign(true)));
        PadesValidators.PdfsigReport report = PadesValidators.pdfsig(pdf, null);
        assertThat(report.output()).doesNotContain("Signature is Valid").contains("Digest Mismatch");
    }

    /** Changes one byte inside the signed range: in the middle of the page's content stream. */
    static byte[] changeOneByte(byte[] pdf) {
        byte[] changed = pdf.clone();
        String file = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int page = file.indexOf("/Type /Page\n");
        int contents = Integer.parseInt(file.substring(file.indexOf("/Contents ", page) + 10).split(" ")[0]);
        int stream = file.indexOf("stream", file.indexOf("\n" + contents + " 0 obj")) + 8;
        int length = Integer.parseInt(file.substring(file.indexOf("/Length ", file.indexOf("\n" + contents + " 0 obj"))
                + 8).split("[\\s/>]")[0]);
        int at = stream + length / 2;
        changed[at] = (byte) (changed[at] ^ 0x01);
        return changed;
    }
}
