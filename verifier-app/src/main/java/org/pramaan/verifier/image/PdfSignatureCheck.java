package org.pramaan.verifier.image;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;

/**
 * Checks a certificate PDF's own (PAdES) signature, beside the credential inside it: that the last
 * signature's byte range covers the whole file (nothing appended after signing), that the CMS signature
 * holds over those bytes (nothing altered), and that the signing certificate is a department key the
 * ledger lists (the trust list, which the ledger keeps), not revoked before the signing time (the
 * timestamp's time when there is one, else the time the PDF claims).
 */
public final class PdfSignatureCheck {

    /** What the PDF's signature says. */
    public enum Status {
        /** Signed by a department key the ledger lists, and unchanged since. */
        VALID,
        /** The PDF has no signature. */
        NOT_SIGNED,
        /** Bytes were added or altered after the signature was made. */
        CHANGED_AFTER_SIGNING,
        /** The signature is not one of a department key the ledger lists (or that key was revoked by then). */
        UNKNOWN_SIGNER,
        /** The signature cannot be read as a CMS signature. */
        MALFORMED
    }

    /**
     * @param department the department whose key signed (VALID and UNKNOWN_SIGNER with a known key)
     * @param kid        the signing certificate's key id
     * @param signedAt   the timestamp's time, else the signature dictionary's
     * @param timestamped whether an RFC 3161 timestamp vouches for {@code signedAt}
     */
    public record Finding(Status status, String reason, String department, String kid, Instant signedAt,
                          boolean timestamped) {
        public static Finding of(Status status, String reason) {
            return new Finding(status, reason, null, null, null, false);
        }
    }

    private PdfSignatureCheck() {
    }

    /**
     * @param roots the state roots: a timestamp counts only when its TSA's certificate is issued by one of them
     */
    public static Finding check(PDDocument document, byte[] file, TrustList trust, Collection<X509Certificate> roots) {
        try {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Finding.of(Status.NOT_SIGNED, "the PDF carries no digital signature");
            }
            PDSignature signature = signatures.get(signatures.size() - 1);
            int[] range = signature.getByteRange();
            if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                    || (long) range[2] + range[3] > file.length) {
                return Finding.of(Status.MALFORMED, "the signature's byte range does not fit the file");
            }
            // Contents is zero-padded to its reserved size: read the one DER object at its start (Bouncy
            // Castle's byte[] constructors refuse trailing bytes).
            org.bouncycastle.asn1.ASN1Primitive contents;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
                    signature.getContents(file))) {
                contents = in.readObject();
            }
            if (contents == null) {
                return Finding.of(Status.MALFORMED, "the signature's contents are empty");
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(file)),
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Finding.of(Status.MALFORMED, "the signature has " + signers.size() + " signers, not one");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return Finding.of(Status.MALFORMED, "the signature does not carry its signing certificate");
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            KeyId kid = KeyId.of(certificate);
            boolean holds;
            try {
                holds = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException mismatch) {
                holds = false; // the signed bytes' digest is not the one signed: they changed
            }
            if (!holds) {
                return new Finding(Status.CHANGED_AFTER_SIGNING, "the signed bytes were altered after signing",
                        null, kid.hex(), null, false);
            }
            Optional<TimeStampToken> token = timestamp(signer, roots);
            Instant signedAt = token.map(t -> t.getTimeStampInfo().getGenTime().toInstant())
                    .orElseGet(() -> signature.getSignDate() == null ? null : signature.getSignDate().toInstant());
            if ((long) range[2] + range[3] != file.length) {
                return new Finding(Status.CHANGED_AFTER_SIGNING, "bytes were added to the file after it was signed",
                        null, kid.hex(), signedAt, token.isPresent());
            }
            Optional<TrustedSigner> trusted = trust.signer(kid);
            if (trusted.isEmpty()) {
                return new Finding(Status.UNKNOWN_SIGNER, "the signing key is not a department key the ledger lists",
                        null, kid.hex(), signedAt, token.isPresent());
            }
            String department = trusted.get().department().value();
            if (trusted.get().revokedFrom().isPresent()
                    && (signedAt == null || !signedAt.isBefore(trusted.get().revokedFrom().get()))) {
                return new Finding(Status.UNKNOWN_SIGNER, "the department's key was revoked before this was signed",
                        department, kid.hex(), signedAt, token.isPresent());
            }
            return new Finding(Status.VALID, "signed by the department's key the ledger lists; unchanged since",
                    department, kid.hex(), signedAt, token.isPresent());
        } catch (CMSException | IOException | CertificateException | OperatorCreationException | RuntimeException e) {
            return Finding.of(Status.MALFORMED, "the signature cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** The signature's timestamp token, when it is over this signature and signed by a TSA a state root certified. */
    private static Optional<TimeStampToken> timestamp(SignerInformation signer, Collection<X509Certificate> roots) {
        if (signer.getUnsignedAttributes() == null) {
            return Optional.empty();
        }
        var attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(attribute.getAttrValues().getObjectAt(0)
                    .toASN1Primitive().getEncoded()));
            // The token must be over this signature's value, or its time says nothing about it.
            byte[] imprint = java.security.MessageDigest.getInstance("SHA-256").digest(signer.getSignature());
            if (!java.util.Arrays.equals(imprint, token.getTimeStampInfo().getMessageImprintDigest())) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsa = token.getCertificates().getMatches(token.getSID());
            if (tsa.isEmpty()) {
                return Optional.empty();
            }
            X509Certificate tsaCertificate = new JcaX509CertificateConverter().getCertificate(tsa.iterator().next());
            // validate() checks the token's signature, the TSA certificate's validity then and its time-stamping usage.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
            for (X509Certificate root : roots) {
                try {
                    tsaCertificate.verify(root.getPublicKey());
                    return Optional.of(token);
                } catch (java.security.GeneralSecurityException notThisRoot) {
                    // try the next root
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
