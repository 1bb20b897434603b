package org.pramaan.issuer.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.pramaan.service.retention.MonthlyPartitions;
import org.pramaan.service.retention.PartitionedTable;
import org.pramaan.service.retention.PartitionedTable.LocalUnique;
import org.pramaan.service.retention.RetentionSettings;
import org.pramaan.service.retention.RetentionWorker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The issuer's one table that grows with every certificate event and is never emptied, the delivery outbox, kept for
 * {@code RETENTION_PERIOD} in monthly partitions (migration V9). The anchoring, revocation and hold outboxes delete a
 * row once the ledger took it; certificates, their transitions, holds and audit trail are never pruned.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
public class RetentionConfiguration {

    /** Notices to the bridge; unsettled until delivered. Uniques as in DeliveryOutbox's insert. */
    public static final PartitionedTable DELIVERY_OUTBOX = new PartitionedTable("issuer.delivery_outbox",
            "enqueued_at", "delivered_at IS NULL", List.of(
                    new LocalUnique("delivery_id", "(delivery_id)"),
                    new LocalUnique("certificate_type", "(certificate_id, type)"),
                    new LocalUnique("rejection", "(application_id) WHERE type = 'REJECTED'"),
                    new LocalUnique("delay", "(application_id) WHERE type = 'DELAYED'")));

    @Bean
    MonthlyPartitions monthlyPartitions(DataSource dataSource) {
        return new MonthlyPartitions(dataSource, List.of(DELIVERY_OUTBOX));
    }

    @Bean
    RetentionWorker retentionWorker(MonthlyPartitions partitions, RetentionSettings settings, Clock clock,
            MeterRegistry meters) {
        return new RetentionWorker(partitions, settings, clock, meters);
    }
}
