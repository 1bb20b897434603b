package org.pramaan.credential;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pramaan.contract.id.KeyId;

/**
 * The department signers a verifier trusts, each checked once, when the list is built, to chain to
 * a state root CA (PKIX path validation). Path validation is slow next to one signature check, so
 * it is never done per credential; a signer that fails it stays in the list as untrusted, with the
 * reason, so the verifier can say why instead of merely "unknown".
 */
public final class TrustList {

    private final Map<KeyId, TrustedSigner> trusted;
    private final Map<KeyId, String> untrusted;

    private TrustList(Map<KeyId, TrustedSigner> trusted, Map<KeyId, String> untrusted) {
        this.trusted = Map.copyOf(trusted);
        this.untrusted = Map.copyOf(untrusted);
    }

    /**
     * Builds the list.
     *
     * @param roots         state root CA certificates (trust anchors)
     * @param intermediates intermediate CA certificates, if the state uses any
     * @param signers       department signers to validate
     */
    public static TrustList build(Collection<X509Certificate> roots, Collection<X509Certificate> intermediates,
                                  Collection<TrustedSigner> signers) {
        Set<TrustAnchor> anchors = new HashSet<>();
        roots.forEach(root -> anchors.add(new TrustAnchor(root, null)));
        Map<KeyId, TrustedSigner> trusted = new HashMap<>();
        Map<KeyId, String> untrusted = new HashMap<>();
        for (TrustedSigner signer : signers) {
            Optional<String> problem = anchors.isEmpty()
                    ? Optional.of("no state root CA is configured")
                    : chainProblem(signer.certificate(), intermediates, anchors);
            if (problem.isPresent()) {
                untrusted.put(signer.kid(), "the signer certificate of " + signer.department()
                        + " is not trusted: " + problem.get());
            } else {
                trusted.put(signer.kid(), signer);
            }
        }
        return new TrustList(trusted, untrusted);
    }

    public static TrustList build(X509Certificate root, Collection<TrustedSigner> signers) {
        return build(List.of(root), List.of(), signers);
    }

    public Optional<TrustedSigner> signer(KeyId kid) {
        return Optional.ofNullable(trusted.get(kid));
    }

    /** Why a known key is not trusted, if it is one that failed validation. */
    public Optional<String> untrustedReason(KeyId kid) {
        return Optional.ofNullable(untrusted.get(kid));
    }

    public Collection<TrustedSigner> signers() {
        return trusted.values();
    }

    private static Optional<String> chainProblem(X509Certificate signer, Collection<X509Certificate> intermediates,
                                                 Set<TrustAnchor> anchors) {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(signer);
            chain.addAll(orderedIssuers(signer, intermediates));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters parameters = new PKIXParameters(anchors);
            // Revocation of signer keys is a ledger fact with a time (TrustedSigner.revokedFrom), not a CRL.
            parameters.setRevocationEnabled(false);
            // Validate the chain as of the signer's first day: whether the signer was valid when a
            // credential was signed is checked per credential against its issue time.
            parameters.setDate(Date.from(signer.getNotBefore().toInstant()));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            boolean[] usage = signer.getKeyUsage();
            if (usage != null && !usage[0]) {
                return Optional.of("its key usage does not allow digital signatures");
            }
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Intermediates from the signer's issuer upwards; unrelated certificates are left out. */
    private static List<X509Certificate> orderedIssuers(X509Certificate signer, Collection<X509Certificate> intermediates) {
        List<X509Certificate> ordered = new ArrayList<>();
        X509Certificate current = signer;
        for (int depth = 0; depth < intermediates.size(); depth++) {
            X509Certificate next = null;
            for (X509Certificate candidate : intermediates) {
                if (candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = candidate;
                    break;
                }
            }
            if (next == null || next.equals(current)) {
                break;
            }
            ordered.add(next);
            current = next;
        }
        return ordered;
    }
}
