package org.pramaan.issuer.audit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The reconciliation with the ledger: reading as the audit identity, scheduled, with its metric and health entry. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditStore auditStore(JdbcClient jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    LedgerAudit ledgerAudit(AuditStore store, PlatformTransactionManager transactions, LedgerConnections ledgers,
                            AuditProperties properties, Clock clock) {
        Ledger ledger;
        try {
            ledger = ledgers.identity(properties.identity());
        } catch (RuntimeException e) {
            throw new IllegalStateException("AUDIT_LEDGER_IDENTITY '" + properties.identity() + "' cannot read the"
                    + " ledger: " + e.getMessage() + "; add the auditor identity to the connection file or name another",
                    e);
        }
        return new LedgerAudit(store, new TransactionTemplate(transactions), ledger, properties.pageSize(), clock);
    }

    @Bean
    AuditFindings auditFindings(AuditStore store, MeterRegistry registry) {
        return new AuditFindings(store, registry);
    }

    @Bean
    AuditHealthIndicator auditHealthIndicator(AuditFindings findings) {
        return new AuditHealthIndicator(findings);
    }

    @Bean
    AuditSchedule auditSchedule(LedgerAudit audit, AuditFindings findings, AuditProperties properties) {
        return new AuditSchedule(audit, findings, properties);
    }
}
