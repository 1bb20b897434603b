package org.pramaan.issuer.audit;

import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health entry {@code audit}: DOWN while the last audit found mismatches, since the issuer's records
 * and the ledger then tell different stories and an operator must look; UNKNOWN until a pass has
 * completed. It is not in the readiness group: the service still accepts and serves everything, so
 * traffic must keep reaching it.
 */
public final class AuditHealthIndicator implements HealthIndicator {

    private final AuditFindings findings;

    public AuditHealthIndicator(AuditFindings findings) {
        this.findings = findings;
    }

    @Override
    public Health health() {
        // Counted afresh: ./pramaan audit may have found something since the last scheduled slice.
        findings.refresh();
        Optional<AuditStore.LastPass> last = findings.lastPass();
        long total = findings.total();
        Health.Builder builder = total > 0 ? Health.down() : last.isPresent() ? Health.up() : Health.unknown();
        findings.counts().forEach((kind, n) -> builder.withDetail(kind.label(), n));
        last.ifPresent(pass -> builder.withDetail("lastPassCompletedAt", pass.completedAt().toString())
                .withDetail("lastPassCertificates", pass.certificates()));
        return builder.build();
    }
}
