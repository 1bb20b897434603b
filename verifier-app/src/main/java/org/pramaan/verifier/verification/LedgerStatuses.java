package org.pramaan.verifier.verification;

import org.pramaan.verifier.ledger.LedgerHealth;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.ledger.Ledger;
import org.pramaan.verifier.config.VerifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The ledger's answers, cached per certificate. A first check is answered from the verifier's copy of
 * the ledger ({@link LedgerProjection}) while it is current, else by asking the ledger. The ledger's
 * events drop an entry as soon as the follower has applied them, so a revocation shows as fast as it
 * reaches the offline bundle; entries older than the freshness period are asked again anyway. When the
 * ledger cannot be reached the last answer is given, marked as not fresh.
 */
@Component
public class LedgerStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStatuses.class);

    private final Ledger ledger;
    private final LedgerProjection projection;
    private final AnchorBlocks anchors;
    private final LedgerHealth health;
    private final Clock clock;
    private final Duration freshness;
    private final Cache<String, LedgerFinding> cache = Caffeine.newBuilder().maximumSize(200_000).build();
    /** Counts invalidations, so an answer read while an event arrived is not cached over the event. */
    private final AtomicLong invalidations = new AtomicLong();

    private final Counter fromProjection;
    private final Counter fromLedger;

    @Autowired
    public LedgerStatuses(Ledger ledger, LedgerProjection projection, AnchorBlocks anchors, LedgerHealth health,
                          Clock clock, VerifierProperties properties, MeterRegistry meters) {
        this.ledger = ledger;
        this.projection = projection;
        this.fromProjection = meters.counter("verifier.ledger.answers", "source", "projection");
        this.fromLedger = meters.counter("verifier.ledger.answers", "source", "ledger");
        this.anchors = anchors;
        this.health = health;
        this.clock = clock;
        this.freshness = properties.statusFreshness();
    }

    LedgerFinding lookup(String certificateId, String claimsHash) {
        LedgerFinding cached = cache.getIfPresent(certificateId);
        boolean sameHash = cached != null && cached.claimsHash().equals(claimsHash);
        if (sameHash && cached.evidence().checkedAt() != null
                && Duration.between(cached.evidence().checkedAt(), clock.instant()).compareTo(freshness) < 0) {
            return health.reachable() ? cached : cached.stale();
        }
        long generation = invalidations.get();
        Optional<LedgerFinding> local = projection == null ? Optional.empty() : projection.find(certificateId, claimsHash);
        if (local.isPresent()) {
            fromProjection.increment();
            remember(certificateId, local.get(), generation);
            return local.get();
        }
        try {
            fromLedger.increment();
            LedgerFinding found = ask(certificateId, claimsHash);
            health.reached();
            remember(certificateId, found, generation);
            return found;
        } catch (RuntimeException e) {
            health.failed(e);
            LOG.warn("ledger unreachable while verifying {}: {}", certificateId, e.getMessage());
            return sameHash ? cached.stale() : LedgerFinding.unconfirmed(claimsHash);
        }
    }

    /**
     * Caches an answer read since invalidation {@code generation}, unless an event dropped answers meanwhile: also
     * one that arrives between the check and the put, since the event counts before it drops.
     */
    private void remember(String certificateId, LedgerFinding finding, long generation) {
        if (invalidations.get() != generation) {
            return;
        }
        cache.put(certificateId, finding);
        if (invalidations.get() != generation) {
            cache.invalidate(certificateId);
        }
    }

    /** Only the ledger, never a copy of it: what a verifier without its copy of the ledger did. */
    LedgerStatuses(Ledger ledger, AnchorBlocks anchors, LedgerHealth health, Clock clock, VerifierProperties properties) {
        this(ledger, null, anchors, health, clock, properties, new SimpleMeterRegistry());
    }

    public void invalidate(String certificateId) {
        invalidations.incrementAndGet();
        cache.invalidate(certificateId);
    }

    private LedgerFinding ask(String certificateId, String claimsHash) {
        Instant now = clock.instant();
        Verification verification = ledger.verify(certificateId, claimsHash);
        CertificateRecord record = verification.certificate();
        if (verification.result() == Verification.Result.NOT_FOUND || record == null) {
            return new LedgerFinding(claimsHash, Optional.of(verification.result()),
                    new LedgerEvidence(null, null, null, null, null, now, true, null));
        }
        // The anchoring transaction and block from the CertificateIssued event this verifier recorded; the record's
        // issuedAt is that transaction's time (the contract sets it from the transaction timestamp). Only a
        // certificate whose event has not reached this verifier costs a second ledger query (its history).
        Optional<AnchorBlocks.Anchor> anchor = anchors.of(certificateId);
        String transactionId;
        Long block;
        Instant anchoredAt;
        if (anchor.isPresent()) {
            transactionId = anchor.get().transactionId();
            block = anchor.get().blockNumber();
            anchoredAt = record.issuedAt();
        } else {
            Optional<CertificateHistory.Entry> issuing = issuingEntry(ledger.history(certificateId).history());
            transactionId = issuing.map(CertificateHistory.Entry::txId).orElse(null);
            anchoredAt = issuing.map(CertificateHistory.Entry::timestamp).orElse(record.issuedAt());
            block = null;
        }
        ReasonCode reason = record.revocationReason() == null ? null : record.revocationReason().code();
        return new LedgerFinding(claimsHash, Optional.of(verification.result()),
                new LedgerEvidence(transactionId, block, anchoredAt, record.revokedAt(), reason, now, true,
                        record.replacedBy() == null ? null : record.replacedBy().value()));
    }

    /** History is newest first; the oldest write with a record is the one that anchored it. */
    private static Optional<CertificateHistory.Entry> issuingEntry(List<CertificateHistory.Entry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!history.get(i).deleted() && history.get(i).record() != null) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
