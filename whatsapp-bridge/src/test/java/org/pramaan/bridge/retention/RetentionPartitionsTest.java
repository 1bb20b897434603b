package org.pramaan.bridge.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.config.RetentionConfiguration;
import org.pramaan.bridge.delivery.Deliveries;
import org.pramaan.bridge.delivery.DeliveryRequest;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.webhook.Inbox;
import org.pramaan.bridge.webhook.InboxEvent;
import org.pramaan.service.retention.MonthlyPartitions;
import org.pramaan.service.retention.PartitionedTable;
import org.pramaan.service.retention.RetentionSettings;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention of the bridge's operational tables on its real PostgreSQL (migration V6): a settled month older than the
 * period disappears as a partition, a month holding a message still waiting for the citizen's window survives, and
 * Meta's retry of an event, or issuer-service's repeat of a notice, whose first copy is in an earlier month is still
 * refused.
 */
class RetentionPartitionsTest extends BridgeIntegrationTest {

    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    RetentionSettings settings;
    @Autowired
    DataSource dataSource;
    @Autowired
    Inbox inbox;
    @Autowired
    Deliveries deliveries;
    @Autowired
    Clock clock;

    private final String run = "ret" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theMigrationMadeEveryTableMonthlyPartitionsWithTheMonthsAhead() {
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        assertThat(settings.period()).isEqualTo(Duration.ofDays(90));
        for (PartitionedTable table : partitions.tables()) {
            assertThat(jdbc.queryForObject("SELECT relkind::text FROM pg_class WHERE oid = ?::regclass", String.class,
                    table.table())).as(table.table()).isEqualTo("p");
            assertThat(partitions.partitions(table).values()).as(table.table())
                    .contains(now, now.plusMonths(1), now.plusMonths(settings.monthsAhead()));
            // Queues (inbox, outbox) are vacuumed after 1% of a month's rows change, records keep the default: the
            // months the migrations made (V8) and those made since alike.
            for (String month : partitions.partitions(table).keySet()) {
                String options = jdbc.queryForObject("SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class"
                        + " WHERE oid = ?::regclass", String.class, table.schema() + "." + month);
                if (table.unsettled() != null) {
                    assertThat(options).as(month).contains("autovacuum_vacuum_scale_factor=0.01");
                } else {
                    assertThat(options).as(month).doesNotContain("autovacuum_vacuum_scale_factor");
                }
            }
        }
    }

    @Test
    void aSettledMonthPastThePeriodIsDroppedAndOneWithAWaitingMessageIsKept() throws SQLException {
        YearMonth old = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(6);
        Instant then = old.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        make(RetentionConfiguration.INBOX, old);
        make(RetentionConfiguration.OUTBOX, old);
        jdbc.update("INSERT INTO inbox (event_key, kind, citizen_id, event_time, payload, received_at, processed_at,"
                + " outcome) VALUES (?, 'MESSAGE', ?, ?, '{}', ?, ?, 'OK')", run + ".done", run, ts(then), ts(then),
                ts(then));
        jdbc.update("INSERT INTO outbox (citizen_id, recipient, kind, payload, state, created_at) "
                + "VALUES (?, ?, 'TEXT', '{}', 'WAITING_WINDOW', ?)", run, run, ts(then));
        String inboxMonth = MonthlyPartitions.partitionName(RetentionConfiguration.INBOX, old);
        String outboxMonth = MonthlyPartitions.partitionName(RetentionConfiguration.OUTBOX, old);

        MonthlyPartitions.Report report = partitions.maintain(clock.instant(), settings);

        assertThat(report.dropped().get("bridge.inbox")).contains(inboxMonth);
        assertThat(exists(inboxMonth)).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_key = ?", Long.class, run + ".done"))
                .isZero();
        assertThat(report.kept().get("bridge.outbox")).containsEntry(outboxMonth, 1L);
        assertThat(exists(outboxMonth)).isTrue();
        assertThat(jdbc.queryForObject("SELECT state FROM outbox WHERE citizen_id = ?", String.class, run))
                .isEqualTo("WAITING_WINDOW");

        // Once nothing in it waits any more, the next run takes the month.
        jdbc.update("UPDATE outbox SET state = 'FAILED' WHERE citizen_id = ?", run);
        report = partitions.maintain(clock.instant(), settings);
        assertThat(report.dropped().get("bridge.outbox")).contains(outboxMonth);
        assertThat(exists(outboxMonth)).isFalse();
    }

    @Test
    void aRetryWhoseFirstCopyIsInAnEarlierMonthIsStillRefused() {
        YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1);
        Instant then = last.atEndOfMonth().atTime(23, 59).toInstant(ZoneOffset.UTC);
        make(RetentionConfiguration.INBOX, last);
        make(RetentionConfiguration.DELIVERY, last);
        String key = "wamid." + run;
        jdbc.update("INSERT INTO inbox (event_key, kind, citizen_id, event_time, payload, received_at, processed_at,"
                + " outcome) VALUES (?, 'MESSAGE', ?, ?, '{}', ?, ?, 'OK')", key, run, ts(then), ts(then), ts(then));
        String deliveryId = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO delivery (delivery_id, type, phone, payload, received_at) "
                + "VALUES (?, 'ISSUED', ?, '{}', ?)", deliveryId, run, ts(then));

        InboxEvent retry = new InboxEvent(key, InboxEvent.Kind.MESSAGE, run, then, "{}");
        assertThat(inbox.store(List.of(retry))).isZero();
        assertThat(deliveries.accept(new DeliveryRequest(deliveryId, "ISSUED", "REV-INC-2026-X", null, run, "en",
                null, null, null, null, null))).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_key = ?", Long.class, key))
                .isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE delivery_id = ?", Long.class, deliveryId))
                .isEqualTo(1L);

        // A fresh event in the same month's partition is taken once.
        InboxEvent fresh = new InboxEvent(key + ".2", InboxEvent.Kind.STATUS, null, clock.instant(), "{}");
        assertThat(inbox.store(List.of(fresh, fresh))).isEqualTo(1);
    }

    private void make(PartitionedTable table, YearMonth month) {
        try (Connection c = dataSource.getConnection()) {
            partitions.create(c, table, month);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean exists(String partition) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                "bridge." + partition));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
