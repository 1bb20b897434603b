package org.pramaan.issuer.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;

/**
 * The room a PDF reserves for its signature: what this signer's certificates and its authority's tokens need, not a
 * fixed guess. A production chain (the state root, a licensed CA, the department) and a certifying authority's token
 * carrying its own chain outgrow a fixed room, and every PDF would fail; a development one wastes kilobytes of
 * zeros in every certificate.
 */
class SignatureRoomTest {

    /** CA certificates standing in for a long chain, or for the certificates a TSA sends with its tokens. */
    static List<X509Certificate> others = new ArrayList<>();

    /** The root, department key, development TSA and renderer of {@link PadesSignerTest}. */
    @BeforeAll
    static void setUp() {
        PadesSignerTest.render();
        Instant start = Instant.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 8; i++) {
            others.add(CertificateAuthority.createRoot("Pramaan Test Licensed CA " + i, start, Duration.ofDays(3650))
                    .certificate());
        }
    }

    @Test
    void theRoomIsWhatTheCertificatesAndTheLastTokensNeedNotAFixedGuess() throws Exception {
        PadesSigner signer = new PadesSigner(Optional.of(PadesSignerTest.tsa), "Amaravati");
        render(signer, List.of(PadesSignerTest.root.certificate()));
        Signed second = render(signer, List.of(PadesSignerTest.root.certificate()));
        assertThat(second.reserved()).as("room reserved for a %d-byte CMS", second.cms().length)
                .isGreaterThanOrEqualTo(second.cms().length)
                .isLessThanOrEqualTo(second.cms().length + 2048);
    }

    @Test
    void aLongChainAndAnAuthorityThatSendsItsOwnChainStillFit() throws Exception {
        PadesSigner signer = new PadesSigner(Optional.of(withCertificates(PadesSignerTest.tsa, others)), "Amaravati");
        List<X509Certificate> chain = new ArrayList<>(others);
        chain.add(PadesSignerTest.root.certificate());
        Signed signed = render(signer, chain);
        assertThat(signed.cms().length).as("larger than the 8 KB reserved before").isGreaterThan(8192);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed.content()),
                ContentInfo.getInstance(signed.cms()));
        SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(key().certificate()))).isTrue();
        assertThat(info.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)).isNotNull();
        assertThat(cms.getCertificates().getMatches(null)).hasSize(chain.size() + 1);
    }

    /**
     * An authority whose tokens grow (a renewed certificate, a longer chain) fails the one PDF reserved too little
     * for, with the sizes in the error (the rendering worker tries it again later); the next is given room for it.
     */
    @Test
    void aTokenLargerThanAnyBeforeFailsThatPdfAloneAndTheNextHasRoomForIt() throws Exception {
        AtomicBoolean large = new AtomicBoolean();
        Timestamps padded = withCertificates(PadesSignerTest.tsa, others);
        PadesSigner signer = new PadesSigner(Optional.of(imprint -> large.get() ? padded.token(imprint)
                : PadesSignerTest.tsa.token(imprint)), "Amaravati");
        render(signer, List.of(PadesSignerTest.root.certificate()));
        large.set(true);
        assertThatThrownBy(() -> render(signer, List.of(PadesSignerTest.root.certificate())))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("larger than the")
                .hasMessageContaining("bytes reserved for it");
        Signed next = render(signer, List.of(PadesSignerTest.root.certificate()));
        assertThat(next.cms().length).isGreaterThan(others.size() * 300);
    }

    /** The authority's tokens with {@code extra} certificates added to those they carry (they are not signed). */
    static Timestamps withCertificates(Timestamps authority, List<X509Certificate> extra) {
        return imprint -> {
            try {
                CMSSignedData token = new CMSSignedData(authority.token(imprint));
                List<X509CertificateHolder> certificates = new ArrayList<>(token.getCertificates().getMatches(null));
                for (X509Certificate c : extra) {
                    certificates.add(new JcaX509CertificateHolder(c));
                }
                return CMSSignedData.replaceCertificatesAndCRLs(token, new CollectionStore<>(certificates), null, null)
                        .getEncoded(ASN1Encoding.DER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static SignerKey key() {
        return PadesSignerTest.key;
    }

    /** A PDF's signature: the CMS (without its padding), the room reserved for it and the bytes it signs. */
    record Signed(byte[] cms, int reserved, byte[] content) {
    }

    static Signed render(PadesSigner signer, List<X509Certificate> chain) throws IOException {
        byte[] pdf = PadesSignerTest.renderer.render(PadesSignerTest.telugu,
                signer.signature(key(), chain, "Revenue Department", "Issued", Instant.now()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            byte[] cms = new ASN1InputStream(signature.getContents()).readObject().getEncoded(ASN1Encoding.DER);
            return new Signed(cms, (range[2] - range[1] - 2) / 2, signature.getSignedContent(pdf));
        }
    }
}
