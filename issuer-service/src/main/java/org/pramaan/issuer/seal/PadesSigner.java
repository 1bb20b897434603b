package org.pramaan.issuer.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.pramaan.credential.CryptoProvider;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.pdf.PdfSignature;

/**
 * Signs a certificate PDF as PAdES baseline (ETSI EN 319 142-1): B-B, and B-T when a timestamp authority
 * is given. PDFBox adds the signature dictionary and field and writes the file, whose byte range covers the
 * whole file but the signature value ({@link PdfSignature}); Bouncy Castle's CMS classes make the detached
 * CAdES signature ({@code ETSI.CAdES.detached}): SHA-256 with ECDSA by the department's key, the
 * {@code signing-certificate-v2} attribute binding that certificate, no {@code signing-time} attribute
 * (PAdES puts the claimed time in the dictionary's {@code M}), the chain up to the state root, and the
 * RFC 3161 token over the signature value as the {@code signature-time-stamp} unsigned attribute.
 *
 * <p>The signature is made through the credential library's {@link CryptoProvider} ({@link Es256ContentSigner}):
 * the native provider's ECDSA where it loads, and a key in a PKCS#11 token signs there.
 * Thread-safe: each signature has its own CMS generator; what depends only on the signing certificate
 * and chain (the signing-certificate-v2 attribute, the certificate store) is made once per certificate.
 */
public final class PadesSigner {

    /*
     * The room reserved in the PDF for the CMS (bytes, written as twice as many hex digits) is what this signature
     * will need: the structure, the certificates carried, and a timestamp token as large as the largest the authority
     * has given, with slack. A fixed room cannot fit both: 8 KB wasted 4.5 KB of zeros in every development PDF, and
     * was too small for a production chain (state root, licensed CA, department) with a certifying authority's token
     * carrying its own chain. A token larger than any before fails that one PDF, with the sizes in the error (the
     * rendering worker tries it again); by then its size is known and the next PDF has room for it.
     */
    /** The SignedData and signer info without certificates or token: about 600 bytes with P-256; twice that. */
    static final int STRUCTURE_ROOM = 1280;
    /** Room for the token before the authority has given one: a token with a chain of its own, RSA keys. */
    static final int FIRST_TOKEN_ROOM = 8192;
    /** Beyond the largest token given: its serial number, time and nonce vary in length. */
    static final int TOKEN_SLACK = 512;

    private final Optional<Timestamps> timestamps;
    private final String location;
    /** SHA-256 of the signed byte range: the native provider's when it loads (shared: it makes a digest per use). */
    private final DigestCalculatorProvider digests;
    /** Per signing certificate and chain: see {@link #pieces}. */
    private final java.util.concurrent.ConcurrentMap<PiecesKey, SignerPieces> pieces =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_SIGNERS = 256;
    /** The largest timestamp token the authority has given this signer (bytes); 0 before the first. */
    private final AtomicInteger largestToken = new AtomicInteger();

    public PadesSigner(Optional<Timestamps> timestamps, String location) {
        this.timestamps = timestamps;
        this.location = location;
        this.digests = digestCalculators();
    }

    /** Whether the signatures made here carry a timestamp (B-T) or not (B-B). */
    public boolean timestamped() {
        return timestamps.isPresent();
    }

    /**
     * The department's signature for a certificate PDF to be saved with ({@code pdf.CertificatePdfRenderer}):
     * in the same save, its byte range covering the whole file but the signature value.
     *
     * @param chain      the CA certificates above the key's certificate (up to the state root), carried in the CMS
     * @param signerName who signs, as PDF readers show it (the department's name)
     * @param reason     why, as PDF readers show it
     */
    public PdfSignature signature(SignerKey key, List<X509Certificate> chain, String signerName, String reason,
                                  Instant signedAt) {
        SignerPieces pieces;
        try {
            pieces = pieces(key.certificate(), chain);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the signing certificate of key " + key.kid() + ": "
                    + e.getMessage(), e);
        }
        return new PdfSignature(signerName, reason, location, signedAt, room(pieces),
                content -> cms(content, key, pieces));
    }

    /** The room to reserve for a CMS with these certificates (see {@link #STRUCTURE_ROOM}). */
    private int room(SignerPieces pieces) {
        int token = largestToken.get();
        return STRUCTURE_ROOM + pieces.certificateBytes()
                + (timestamps.isEmpty() ? 0 : token == 0 ? FIRST_TOKEN_ROOM : token + TOKEN_SLACK);
    }

    /** The detached CAdES signature over the bytes the byte range covers. */
    private byte[] cms(InputStream content, SignerKey key, SignerPieces pieces) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            SignerInfoGeneratorBuilder signerInfo = new SignerInfoGeneratorBuilder(digests)
                    .setSignedAttributeGenerator(pieces.attributes());
            timestamps.ifPresent(t ->
                    signerInfo.setUnsignedAttributeGenerator(new TimestampAttribute(t, largestToken)));
            generator.addSignerInfoGenerator(signerInfo.build(new Es256ContentSigner(key.privateKey()), pieces.holder()));
            generator.addCertificates(pieces.certificates());
            return generator.generate(new SignedBytes(content), false).getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException e) {
            throw new IOException("cannot make the CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * What the CMS carries for one signing certificate and chain, made once: the certificate parsed for Bouncy
     * Castle, the signing-certificate-v2 attribute (a hash of it) and the certificate store. Keyed by the
     * certificate and the chain themselves (a rotated key has another certificate), so no department's pieces
     * can go into another's signature; bounded, since keys rotate.
     */
    private SignerPieces pieces(X509Certificate certificate, List<X509Certificate> chain)
            throws GeneralSecurityException, IOException {
        PiecesKey cacheKey = new PiecesKey(certificate, List.copyOf(chain));
        SignerPieces cached = pieces.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        certificates.add(certificate);
        certificates.addAll(chain);
        int certificateBytes = 0;
        for (X509Certificate c : certificates) {
            certificateBytes += c.getEncoded().length;
        }
        SignerPieces made = new SignerPieces(new JcaX509CertificateHolder(certificate),
                new PadesAttributes(signingCertificateV2(certificate)), new JcaCertStore(certificates),
                certificateBytes);
        if (pieces.size() >= MAX_CACHED_SIGNERS) {
            pieces.clear();
        }
        pieces.putIfAbsent(cacheKey, made);
        return made;
    }

    private record PiecesKey(X509Certificate certificate, List<X509Certificate> chain) {
    }

    private record SignerPieces(X509CertificateHolder holder, PadesAttributes attributes,
                                org.bouncycastle.util.Store<X509CertificateHolder> certificates, int certificateBytes) {
    }

    static DigestCalculatorProvider digestCalculators() {
        try {
            JcaDigestCalculatorProviderBuilder builder = new JcaDigestCalculatorProviderBuilder();
            return CryptoProvider.active().isNative() ? builder.setProvider(CryptoProvider.active().provider()).build()
                    : builder.build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * The RFC 3161 token over the signature value (id-aa-signatureTimeStampToken), as PAdES B-T asks, made while the
     * signer info is generated (Bouncy Castle hands the unsigned-attribute generator the signature value): the
     * signed data is encoded once, not parsed again and its signer replaced. Each token's size is kept for the room
     * the next signatures reserve.
     */
    private record TimestampAttribute(Timestamps timestamps, AtomicInteger largestToken)
            implements CMSAttributeTableGenerator {

        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
            byte[] signature = (byte[]) parameters.get(CMSAttributeTableGenerator.SIGNATURE);
            try {
                byte[] token = timestamps.token(MessageDigest.getInstance("SHA-256").digest(signature));
                largestToken.accumulateAndGet(token.length, Math::max);
                return new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(token))));
            } catch (GeneralSecurityException | IOException e) {
                throw new TimestampUnavailableException("cannot read the timestamp token: " + e.getMessage(), e);
            }
        }
    }

    /** The bytes the signature covers, streamed into the digest once (they are most of the file: not copied). */
    private record SignedBytes(InputStream content) implements CMSTypedData {

        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            content.transferTo(out);
        }

        @Override
        public Object getContent() {
            return content;
        }
    }

    private static Attribute signingCertificateV2(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
        return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
    }

    /**
     * Bouncy Castle's signed attributes (content-type, message-digest, algorithm protection) plus
     * signing-certificate-v2, less signing-time, which PAdES baseline signatures must not carry.
     */
    private static final class PadesAttributes extends DefaultSignedAttributeTableGenerator {

        PadesAttributes(Attribute signingCertificate) {
            super(new AttributeTable(new DERSet(signingCertificate)));
        }

        @Override
        @SuppressWarnings("rawtypes")
        public AttributeTable getAttributes(Map parameters) {
            return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
        }
    }
}
