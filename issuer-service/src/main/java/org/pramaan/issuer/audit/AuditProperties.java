package org.pramaan.issuer.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduled reconciliation with the ledger, bound from environment variables through {@code application.yml}.
 *
 * @param enabled  whether the service audits on a schedule ({@code AUDIT_ENABLED})
 * @param interval the pause between two slices ({@code AUDIT_INTERVAL})
 * @param slice    about how many certificates one slice compares before it pauses; a pass over more
 *                 continues at the next slice from the stored cursor ({@code AUDIT_SLICE})
 * @param pageSize ledger records per {@code ListCertificates} page, 2 to 5000 ({@code AUDIT_PAGE_SIZE})
 * @param identity the connection file's identity the audit reads the ledger as: {@code auditor}
 *                 (AuditMSP), or {@code admin} ({@code AUDIT_LEDGER_IDENTITY})
 */
@ConfigurationProperties("pramaan.audit")
public record AuditProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10m") Duration interval,
                              @DefaultValue("200000") long slice, @DefaultValue("1000") int pageSize,
                              @DefaultValue("auditor") String identity) {

    public AuditProperties {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pramaan.audit.interval must be positive, got " + interval);
        }
        if (slice < 1) {
            throw new IllegalArgumentException("pramaan.audit.slice must be positive, got " + slice);
        }
        if (pageSize < 2 || pageSize > 5000) {
            throw new IllegalArgumentException("pramaan.audit.page-size must be 2 to 5000, got " + pageSize);
        }
    }
}
