package org.pramaan.issuer.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.retention.MonthlyPartitions;
import org.pramaan.service.retention.RetentionSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of the delivery outbox on the issuer's real PostgreSQL (migration V9): a delivered month older than the
 * period disappears as a partition, a month holding an undelivered notice survives, and a notice whose first copy is
 * in an earlier month is still not queued again. Certificates are untouched.
 */
class DeliveryOutboxRetentionTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MonthlyPartitions partitions;
    @Autowired
    RetentionSettings settings;
    @Autowired
    DeliveryOutbox outbox;
    @Autowired
    Certificates certificates;
    @Autowired
    Clock clock;

    @Test
    void everyMonthOfTheOutboxIsVacuumedAfterOnePercentOfItsRowsChange() {
        // V16 set the months V9 made; MonthlyPartitions sets those made since. A delivered notice leaves a dead entry
        // in what the claim walks; PostgreSQL's default waits for 20% of the month.
        var months = partitions.partitions(RetentionConfiguration.DELIVERY_OUTBOX).keySet();
        assertThat(months).isNotEmpty();
        for (String month : months) {
            assertThat(jdbc.sql("SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class"
                    + " WHERE oid = ?::regclass").param("issuer." + month).query(String.class).single())
                    .as(month).contains("autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_threshold=1000");
        }
    }

    @Test
    void deliveredOldMonthsGoWholeUndeliveredOnesStayAndARepeatIsStillRefused() throws SQLException {
        String applicationId = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE",
                "language", "en", "phoneNumber", "919000000191",
                "fields", Map.of("nm", "Kept Ninety Days", "vi", "Guntur", "yr", "1999"))).json().get("id")
                .asString();
        String certificateId = admin().get("/api/v1/applications/" + applicationId).json().get("certificateId")
                .asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox"
                + " WHERE certificate_id = ? AND type = 'ISSUED' AND delivered_at IS NOT NULL")
                .param(certificateId).query(Long.class).single() == 1);

        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        YearMonth delivered = now.minusMonths(6);
        YearMonth pending = now.minusMonths(7);
        try (Connection c = dataSource.getConnection()) {
            partitions.create(c, RetentionConfiguration.DELIVERY_OUTBOX, delivered);
            partitions.create(c, RetentionConfiguration.DELIVERY_OUTBOX, pending);
        }
        // The delivered notice moves to a month six months back, as if it had been queued then.
        jdbc.sql("UPDATE issuer.delivery_outbox SET enqueued_at = ? WHERE certificate_id = ? AND type = 'ISSUED'")
                .params(ts(delivered.atDay(5)), certificateId).update();
        // Anchoring queuing the same notice again (a retried batch) in this month is refused across months.
        var certificate = certificates.find(certificateId).orElseThrow();
        assertThat(outbox.enqueue(certificate, DeliveryOutbox.Type.ISSUED, clock.instant())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE certificate_id = ?")
                .param(certificateId).query(Long.class).single()).isEqualTo(1);
        // A notice still undelivered (not due for a long time) seven months back.
        jdbc.sql("INSERT INTO issuer.delivery_outbox (certificate_id, application_id, type, payload, enqueued_at,"
                        + " next_attempt_at) VALUES (NULL, ?::uuid, 'DELAYED', '{}'::jsonb, ?, ?)")
                .params(applicationId, ts(pending.atDay(5)), Timestamp.from(clock.instant().plus(Duration.ofDays(365))))
                .update();
        String deliveredMonth = MonthlyPartitions.partitionName(RetentionConfiguration.DELIVERY_OUTBOX, delivered);
        String pendingMonth = MonthlyPartitions.partitionName(RetentionConfiguration.DELIVERY_OUTBOX, pending);

        MonthlyPartitions.Report report = partitions.maintain(clock.instant(), settings);

        assertThat(report.dropped().get("issuer.delivery_outbox")).contains(deliveredMonth);
        assertThat(exists(deliveredMonth)).isFalse();
        assertThat(report.kept().get("issuer.delivery_outbox")).containsEntry(pendingMonth, 1L);
        assertThat(exists(pendingMonth)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE application_id = ?::uuid"
                + " AND type = 'DELAYED'").param(applicationId).query(Long.class).single()).isEqualTo(1);
        // The certificate itself is never pruned.
        assertThat(certificates.find(certificateId)).isPresent();

        jdbc.sql("UPDATE issuer.delivery_outbox SET delivered_at = now() WHERE application_id = ?::uuid"
                + " AND type = 'DELAYED'").param(applicationId).update();
        report = partitions.maintain(clock.instant(), settings);
        assertThat(report.dropped().get("issuer.delivery_outbox")).contains(pendingMonth);
        assertThat(exists(pendingMonth)).isFalse();
        assertThat(partitions.partitions(RetentionConfiguration.DELIVERY_OUTBOX).values())
                .contains(now, now.plusMonths(settings.monthsAhead()));
    }

    private boolean exists(String partition) {
        return jdbc.sql("SELECT to_regclass(?) IS NOT NULL").param("issuer." + partition).query(Boolean.class)
                .single();
    }

    private static Timestamp ts(java.time.LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

}
