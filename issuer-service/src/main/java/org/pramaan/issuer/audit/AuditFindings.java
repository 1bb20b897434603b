package org.pramaan.issuer.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the audit found, as the service shows it: a gauge {@code pramaan_audit_mismatches{kind}} per
 * kind, counted from the stored mismatches after each slice (not per scrape), and the list for the console.
 */
public final class AuditFindings {

    private final AuditStore store;
    private final Map<MismatchKind, AtomicLong> counts = new EnumMap<>(MismatchKind.class);

    public AuditFindings(AuditStore store, MeterRegistry registry) {
        this.store = store;
        for (MismatchKind kind : MismatchKind.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(kind, count);
            Gauge.builder("pramaan.audit.mismatches", count, AtomicLong::get)
                    .description("Certificates whose issuer record and ledger record disagree, by kind, as of the last audit")
                    .tag("kind", kind.label())
                    .register(registry);
        }
    }

    /** Counts the stored mismatches again. */
    public void refresh() {
        store.counts().forEach((kind, n) -> counts.get(kind).set(n));
    }

    public Map<MismatchKind, Long> counts() {
        Map<MismatchKind, Long> copy = new EnumMap<>(MismatchKind.class);
        counts.forEach((kind, n) -> copy.put(kind, n.get()));
        return copy;
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public Optional<AuditStore.LastPass> lastPass() {
        return store.lastPass();
    }

    public List<AuditStore.Found> list(int limit) {
        return store.mismatches(limit);
    }
}
