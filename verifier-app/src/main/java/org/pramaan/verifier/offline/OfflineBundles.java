package org.pramaan.verifier.offline;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.offline.BundleCodec;
import org.pramaan.credential.offline.BundleDelta;
import org.pramaan.credential.offline.BundleSigner;
import org.pramaan.credential.offline.IdSet;
import org.pramaan.credential.offline.OfflineBundle;
import org.pramaan.verifier.receipt.ReceiptSigner;
import org.pramaan.verifier.trust.RootCertificates;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The signed offline bundle and its deltas (docs/offline-bundle.md), built from {@link CertificateStates}
 * and the trust list, once per height: the full bundle is kept until the height moves, deltas per
 * {@code (since, height)}. Requests between changes cost one one-row read of the height.
 */
@Service
public class OfflineBundles {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineBundles.class);

    private final CertificateStates states;
    private final TrustedIssuers issuers;
    private final RootCertificates roots;
    private final ReceiptSigner signer;
    private final OfflineProperties properties;
    private final Clock clock;
    private final DistributionSummary fullSizes;
    private final DistributionSummary deltaSizes;
    private final java.time.Duration rebuildAfter;
    private volatile Signed full;
    private final Cache<Long, Signed> deltas;

    /** Signed bytes, the height they reflect and when they were built. */
    public record Signed(long height, byte[] bytes, boolean delta, Instant builtAt) {
    }

    public OfflineBundles(CertificateStates states, TrustedIssuers issuers, RootCertificates roots, ReceiptSigner signer,
                          OfflineProperties properties, Clock clock, MeterRegistry meters) {
        this.states = states;
        this.issuers = issuers;
        this.roots = roots;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
        this.fullSizes = DistributionSummary.builder("verifier.offline.bundle.bytes").tag("kind", "full")
                .baseUnit("bytes").register(meters);
        // A bundle says "revocations as of" when it was built: rebuilt after a quarter of the maximum age even
        // when nothing changed, so a fresh fetch never carries an old time.
        this.rebuildAfter = properties.maxAge().dividedBy(4);
        this.deltas = Caffeine.newBuilder().maximumSize(256).expireAfterWrite(rebuildAfter).build();
        this.deltaSizes = DistributionSummary.builder("verifier.offline.bundle.bytes").tag("kind", "delta")
                .baseUnit("bytes").register(meters);
    }

    /** The height the bundle reflects now: the ETag. */
    public long height() {
        return states.heights().height();
    }

    /** The full bundle, or a delta from {@code since} when one is possible and smaller. */
    public Signed bundle(OptionalLong since) {
        CertificateStates.Heights heights = states.heights();
        Signed current = full(heights.height());
        if (since.isEmpty() || since.getAsLong() > heights.height()) {
            return current;
        }
        long from = since.getAsLong();
        Signed delta = deltas.get(from, f -> delta(f, heights));
        if (delta.height() != heights.height()) {
            deltas.invalidateAll();
            delta = deltas.get(from, f -> delta(f, heights));
        }
        return delta.bytes().length < current.bytes().length ? delta : current;
    }

    private Signed full(long height) {
        Signed built = full;
        if (current(built, height)) {
            return built;
        }
        synchronized (this) {
            built = full;
            if (current(built, height)) {
                return built;
            }
            TrustedIssuers.Snapshot trust = issuers.current();
            OfflineBundle bundle = new OfflineBundle(height, now(), properties.maxAge(), roots.roots(), signers(trust),
                    names(trust), states.all(true), states.all(false));
            byte[] bytes = signer.signBundle(BundleCodec.encode(bundle));
            built = new Signed(height, bytes, false, bundle.builtAt());
            full = built;
            deltas.invalidateAll();
            fullSizes.record(bytes.length);
            LOG.debug("offline bundle at height {}: {} bytes, {} revoked and {} held certificates", height, bytes.length,
                    bundle.revoked().values().stream().mapToInt(IdSet::size).sum(),
                    bundle.held().values().stream().mapToInt(IdSet::size).sum());
            return built;
        }
    }

    private Signed delta(long since, CertificateStates.Heights heights) {
        Optional<List<BundleSigner>> signers = heights.trustHeight() > since
                ? Optional.of(signers(issuers.current())) : Optional.empty();
        BundleDelta delta = new BundleDelta(since, heights.height(), now(), properties.maxAge(), signers,
                states.addedSince(true, since), states.addedSince(false, since), states.holdsEndedSince(since));
        byte[] bytes = signer.signBundle(BundleCodec.encodeDelta(delta));
        deltaSizes.record(bytes.length);
        return new Signed(heights.height(), bytes, true, delta.builtAt());
    }

    private boolean current(Signed built, long height) {
        return built != null && built.height() == height && built.builtAt().plus(rebuildAfter).isAfter(clock.instant());
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static List<BundleSigner> signers(TrustedIssuers.Snapshot trust) {
        List<BundleSigner> signers = new ArrayList<>();
        trust.departments().values().stream().sorted(java.util.Comparator.comparing(r -> r.department().value()))
                .forEach(issuer -> {
                    for (SignerKey key : issuer.signers()) {
                        X509Certificate certificate = KeyFiles.parseCertificate(key.certificate());
                        signers.add(new BundleSigner(DepartmentCode.of(issuer.department().value()), key.kid(), certificate,
                                key.validFrom(), key.validUntil(), Optional.ofNullable(key.revokedFrom())));
                    }
                });
        return signers;
    }

    private static Map<String, Map<String, String>> names(TrustedIssuers.Snapshot trust) {
        Map<String, Map<String, String>> names = new HashMap<>();
        for (IssuerRecord issuer : trust.departments().values()) {
            names.put(issuer.department().value(),
                    Map.of("en", issuer.names().en(), "te", issuer.names().te(), "hi", issuer.names().hi()));
        }
        return names;
    }
}
