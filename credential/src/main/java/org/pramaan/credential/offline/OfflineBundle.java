package org.pramaan.credential.offline;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.credential.TrustList;

/**
 * What a verifier needs to check certificates without the network, as of a ledger height: the state
 * roots, the department signer keys (with key revocation times), department names, and the ids of
 * revoked and held certificates per department. Read from the verifier's signed bundle
 * ({@code GET /api/v1/offline/bundle}, docs/offline-bundle.md) with {@link #read}; kept current with
 * {@link #update}. Immutable; the trust list is built (PKIX path validation) once per bundle.
 *
 * <pre>{@code
 * OfflineBundle bundle = OfflineBundle.read(bytes, receiptPublicKey);
 * bundle = bundle.update(deltaBytes, receiptPublicKey);   // GET ...?since=<bundle.height()>
 * }</pre>
 */
public final class OfflineBundle {

    private final long height;
    private final Instant builtAt;
    private final Duration maxAge;
    private final List<X509Certificate> roots;
    private final List<BundleSigner> signers;
    private final Map<String, Map<String, String>> names;
    private final Map<String, IdSet> revoked;
    private final Map<String, IdSet> held;
    private final Instant confirmedAt;
    private volatile TrustList trustList;

    public OfflineBundle(long height, Instant builtAt, Duration maxAge, List<X509Certificate> roots,
                         List<BundleSigner> signers, Map<String, Map<String, String>> names,
                         Map<String, IdSet> revoked, Map<String, IdSet> held) {
        if (height < 0) {
            throw new IllegalArgumentException("height " + height + " is negative");
        }
        this.height = height;
        this.builtAt = Objects.requireNonNull(builtAt, "builtAt");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.roots = List.copyOf(roots);
        this.signers = List.copyOf(signers);
        Map<String, Map<String, String>> copied = new HashMap<>();
        names.forEach((dept, byLanguage) -> copied.put(dept, Map.copyOf(byLanguage)));
        this.names = Map.copyOf(copied);
        this.revoked = Map.copyOf(revoked);
        this.held = Map.copyOf(held);
        this.confirmedAt = builtAt;
    }

    private OfflineBundle(OfflineBundle bundle, Instant confirmedAt) {
        this.height = bundle.height;
        this.builtAt = bundle.builtAt;
        this.maxAge = bundle.maxAge;
        this.roots = bundle.roots;
        this.signers = bundle.signers;
        this.names = bundle.names;
        this.revoked = bundle.revoked;
        this.held = bundle.held;
        this.trustList = bundle.trustList;
        this.confirmedAt = confirmedAt;
    }

    /**
     * A full bundle from its signed bytes, checked against the verifier's receipt public key.
     *
     * @throws InvalidBundleException when the signature does not hold, the bytes are not a bundle, or
     *                                they are a delta (use {@link #update})
     */
    public static OfflineBundle read(byte[] cose, PublicKey receiptKey) throws InvalidBundleException {
        Object read = BundleCodec.read(cose, receiptKey);
        if (read instanceof BundleDelta) {
            throw new InvalidBundleException(InvalidBundleException.Reason.FORMAT,
                    "this is a delta; apply it to the bundle it follows with update()");
        }
        return (OfflineBundle) read;
    }

    /**
     * This bundle brought up to date by what the server answered to {@code ?since=height()}: a delta is
     * applied, a full bundle (the server's answer when {@code since} is too old) replaces this one.
     */
    public OfflineBundle update(byte[] cose, PublicKey receiptKey) throws InvalidBundleException {
        Object read = BundleCodec.read(cose, receiptKey);
        if (read instanceof OfflineBundle full) {
            return full;
        }
        return apply((BundleDelta) read);
    }

    /** Applies a delta that starts at this bundle's height. */
    public OfflineBundle apply(BundleDelta delta) throws InvalidBundleException {
        if (delta.since() != height) {
            throw new InvalidBundleException(InvalidBundleException.Reason.DELTA_MISMATCH,
                    "the delta starts at height " + delta.since() + ", this bundle is at " + height);
        }
        Map<String, IdSet> newRevoked = new HashMap<>(revoked);
        delta.revokedAdded().forEach((dept, ids) -> newRevoked.merge(dept, ids, IdSet::plus));
        Map<String, IdSet> newHeld = new HashMap<>(held);
        delta.heldRemoved().forEach((dept, ids) -> newHeld.computeIfPresent(dept, (d, current) -> current.minus(ids)));
        delta.heldAdded().forEach((dept, ids) -> newHeld.merge(dept, ids, IdSet::plus));
        return new OfflineBundle(delta.height(), delta.builtAt(), delta.maxAge(), roots, delta.signers().orElse(signers), names,
                newRevoked, newHeld);
    }

    /** The ledger block height this bundle reflects; ask for {@code ?since=} this. */
    public long height() {
        return height;
    }

    /** When the server built it: revocations are known "as of" this time. */
    public Instant builtAt() {
        return builtAt;
    }

    /** After {@code builtAt + maxAge} answers carry the advice to reconnect. */
    public Duration maxAge() {
        return maxAge;
    }

    /**
     * This bundle, confirmed current at {@code time}: the server answered {@code 304 Not Modified} to
     * {@code If-None-Match: "<height>"} then, so nothing was revoked or held since. Answers then say
     * "revocations as of" {@code time} and the reconnect advice counts from it.
     */
    public OfflineBundle confirmed(Instant time) {
        return time.isAfter(confirmedAt) ? new OfflineBundle(this, time) : this;
    }

    /** When the revocation state was last known current: built, or later confirmed by a 304. */
    public Instant revocationsAsOf() {
        return confirmedAt;
    }

    /** Whether {@code now} is more than {@link #maxAge()} after {@link #revocationsAsOf()}: ask to reconnect. */
    public boolean staleAt(Instant now) {
        return now.isAfter(confirmedAt.plus(maxAge));
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    public List<BundleSigner> signers() {
        return signers;
    }

    /** Department names by code, then by language ({@code en}, {@code te}, {@code hi}). */
    public Map<String, Map<String, String>> names() {
        return names;
    }

    public Map<String, IdSet> revoked() {
        return revoked;
    }

    public Map<String, IdSet> held() {
        return held;
    }

    public boolean isRevoked(String department, String certificateId) {
        return Optional.ofNullable(revoked.get(department)).map(ids -> ids.containsId(certificateId)).orElse(false);
    }

    public boolean isHeld(String department, String certificateId) {
        return Optional.ofNullable(held.get(department)).map(ids -> ids.containsId(certificateId)).orElse(false);
    }

    /** The signers, checked against the roots as the server's trust list is. */
    public TrustList trustList() {
        TrustList list = trustList;
        if (list == null) {
            list = TrustList.build(roots, List.of(), signers.stream().map(BundleSigner::toTrusted).toList());
            trustList = list;
        }
        return list;
    }

    @Override
    public String toString() {
        return "OfflineBundle[height " + height + ", built " + builtAt + ", " + signers.size() + " signers]";
    }
}
