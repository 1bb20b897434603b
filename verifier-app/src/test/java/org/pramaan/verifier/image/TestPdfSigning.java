package org.pramaan.verifier.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.pramaan.credential.keys.SignerKey;

/**
 * Signs a PDF for the verifier's tests as the issuer did until 2026-12-05 (PDFBox incremental update, detached CMS
 * by Bouncy Castle, SubFilter ETSI.CAdES.detached; those certificates are still in circulation); the services share
 * no code, so the tests carry this. The issuer now signs in the file's first revision: the journey test
 * ({@code JourneyIT}) uploads such a PDF, as delivered, to the verifier.
 */
public final class TestPdfSigning {

    private TestPdfSigning() {
    }

    public static byte[] sign(byte[] pdf, SignerKey key) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                    generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.privateKey()), key.certificate()));
                    generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
                    return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
                } catch (Exception e) {
                    throw new IOException("cannot sign the test PDF", e);
                }
            });
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }
}
