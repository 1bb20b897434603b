package org.pramaan.bridge.config;

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
 * The bridge's tables that grow with every message, kept for {@code RETENTION_PERIOD} in monthly partitions
 * (migration V6). The unsettled conditions are what a queue worker still has to do; such a month is never dropped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionSettings.class)
public class RetentionConfiguration {

    /** Webhook events; unsettled until processed. Meta's retries are refused across all kept months. */
    public static final PartitionedTable INBOX = new PartitionedTable("bridge.inbox", "received_at",
            "processed_at IS NULL", List.of(new LocalUnique("event_key", "(event_key)")));
    /** Outgoing messages; unsettled while still to be sent or waiting for the citizen's window. */
    public static final PartitionedTable OUTBOX = new PartitionedTable("bridge.outbox", "created_at",
            "state = 'PENDING' OR state = 'WAITING_WINDOW'", List.of(new LocalUnique("wamid", "(wamid)")));
    /** issuer-service's delivery notices as accepted: the deliveryId dedup, a record once accepted. */
    public static final PartitionedTable DELIVERY = new PartitionedTable("bridge.delivery", "received_at", null,
            List.of(new LocalUnique("delivery_id", "(delivery_id)")));
    /** Webhook items set aside for an operator. */
    public static final PartitionedTable DEAD_LETTER = new PartitionedTable("bridge.dead_letter", "received_at",
            null, List.of());

    @Bean
    MonthlyPartitions monthlyPartitions(DataSource dataSource) {
        return new MonthlyPartitions(dataSource, List.of(INBOX, OUTBOX, DELIVERY, DEAD_LETTER));
    }

    @Bean
    RetentionWorker retentionWorker(MonthlyPartitions partitions, RetentionSettings settings, Clock clock,
            MeterRegistry meters) {
        return new RetentionWorker(partitions, settings, clock, meters);
    }
}
