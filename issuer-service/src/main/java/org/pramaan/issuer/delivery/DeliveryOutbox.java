package org.pramaan.issuer.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.credential.Language;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.Localized;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.pramaan.service.work.Lease;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications for the WhatsApp bridge ({@code POST /internal/v1/deliveries}), queued in the
 * transaction that makes them due (anchoring or rendering, whichever settles last; revocation, rejection) and sent
 * at least once by the {@link DeliveryWorker}. Each row gets its {@code deliveryId} when queued and the payload is stored
 * with it, so every retry carries the same id and the bridge can drop the repeats. One row per
 * certificate and type (one per rejected application), so a retried anchoring does not notify twice.
 */
@Repository
public class DeliveryOutbox {

    public enum Type { ISSUED, REVOKED, REJECTED, HELD, DELAYED }

    /** One notification due for sending; {@code subject} is the certificate or application id, for logs. */
    public record Pending(long id, UUID deliveryId, String subject, String payload, int attempts,
                          String correlationId) {
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final String publicBaseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    public DeliveryOutbox(JdbcClient jdbc, Catalog catalog, IssuerProperties properties,
                          ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.catalog = catalog;
        this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    /** An ISSUED or REVOKED notice about a certificate; false when one of that type was queued already. */
    public boolean enqueue(Certificate certificate, Type type, Instant now) {
        if (type == Type.REJECTED || type == Type.DELAYED) {
            throw new IllegalArgumentException("a rejection is about an application: use enqueueRejection");
        }
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> payload = payload(deliveryId, type, certificate.id().value(), certificate.applicationId(),
                certificate.phoneNumber(), certificate.language(), certificate.serviceCode());
        payload.put("pdfUrl", publicBaseUrl + "/api/v1/certificates/" + certificate.id() + "/pdf");
        payload.put("verifyUrl", certificate.qrText());
        // The citizen hears the reason's code, worded by the bridge in their language; the officer's
        // note stays with the department.
        payload.put("reason", null);
        payload.put("reasonCode", type == Type.REVOKED ? certificate.revocationCode() : null);
        return insert(deliveryId, certificate.id().value(), certificate.applicationId(), type, payload, now);
    }

    /**
     * A HELD notice: the department is checking the certificate; {@code holdCode} is what the bridge
     * words for the citizen (the officer's note stays here). One per certificate: a second hold after
     * a release is not announced again.
     */
    public boolean enqueueHold(Certificate certificate, String holdCode, Instant now) {
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> payload = payload(deliveryId, Type.HELD, certificate.id().value(), certificate.applicationId(),
                certificate.phoneNumber(), certificate.language(), certificate.serviceCode());
        payload.put("pdfUrl", null);
        payload.put("verifyUrl", certificate.qrText());
        payload.put("reason", null);
        payload.put("reasonCode", holdCode);
        return insert(deliveryId, certificate.id().value(), certificate.applicationId(), Type.HELD, payload, now);
    }

    /**
     * A DELAYED notice: the application is accepted but its certificate cannot be signed now (the
     * department has no usable key on the ledger); the bridge words it in the citizen's language.
     * One per application, however often an officer tries.
     */
    public boolean enqueueDelay(UUID applicationId, String serviceCode, String phoneNumber, Language language,
                                Instant now) {
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> payload = payload(deliveryId, Type.DELAYED, null, applicationId, phoneNumber, language,
                serviceCode);
        payload.put("pdfUrl", null);
        payload.put("verifyUrl", null);
        payload.put("reason", null);
        return insert(deliveryId, null, applicationId, Type.DELAYED, payload, now);
    }

    /**
     * A REJECTED notice: the reason's code, which the bridge words in the citizen's language, and the officer's
     * note (may be null) beside it; false when it was queued already.
     */
    public boolean enqueueRejection(UUID applicationId, String serviceCode, String phoneNumber, Language language,
                                    String reasonCode, String reason, Instant now) {
        UUID deliveryId = UUID.randomUUID();
        Map<String, Object> payload = payload(deliveryId, Type.REJECTED, null, applicationId, phoneNumber, language,
                serviceCode);
        payload.put("pdfUrl", null);
        payload.put("verifyUrl", null);
        payload.put("reason", reason);
        payload.put("reasonCode", reasonCode);
        return insert(deliveryId, null, applicationId, Type.REJECTED, payload, now);
    }

    private Map<String, Object> payload(UUID deliveryId, Type type, String certificateId, UUID applicationId,
                                        String phoneNumber, Language language, String serviceCode) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", deliveryId.toString());
        payload.put("type", type.name());
        payload.put("certificateId", certificateId);
        payload.put("applicationId", applicationId == null ? null : applicationId.toString());
        // The short reference the citizen can read out; absent for a certificate issued without an application.
        payload.put("reference", applicationId == null ? null : jdbc.sql("SELECT reference FROM issuer.application"
                + " WHERE id = ?").param(applicationId).query(String.class).optional().orElse(null));
        payload.put("phoneNumber", phoneNumber);
        payload.put("language", language.code());
        // All three names: the citizen may have switched the chat's language since applying.
        Localized names = catalog.service(serviceCode).map(s -> s.names())
                .orElse(new Localized(serviceCode, serviceCode, serviceCode));
        payload.put("serviceName", names);
        return payload;
    }

    private boolean insert(UUID deliveryId, String certificateId, UUID applicationId, Type type,
                           Map<String, Object> payload, Instant now) {
        // A repeat is a notice of the same type about the same certificate, or an application's REJECTED or DELAYED
        // notice again. The outbox is monthly partitions (retention), so its unique indexes are each month's own: the
        // NOT EXISTS looks across every kept month, and ON CONFLICT (no target: any of the month's unique indexes)
        // catches a concurrent repeat.
        // The notice carries the trail of what it is about: the certificate's, else its application's.
        boolean queued = jdbc.sql("INSERT INTO issuer.delivery_outbox (delivery_id, certificate_id, application_id, type, payload,"
                        + " enqueued_at, next_attempt_at, correlation_id) SELECT ?::uuid, ?::varchar, ?::uuid, ?::varchar,"
                        + " ?::jsonb, ?::timestamptz, ?::timestamptz,"
                        + " coalesce((SELECT c.correlation_id FROM issuer.certificate c WHERE c.id = ?),"
                        + " (SELECT a.correlation_id FROM issuer.application a WHERE a.id = ?))"
                        + " WHERE NOT EXISTS (SELECT 1 FROM issuer.delivery_outbox d WHERE d.type = ?::varchar"
                        + " AND (d.certificate_id = ?::varchar"
                        + " OR (d.type IN ('REJECTED', 'DELAYED') AND d.application_id = ?::uuid)))"
                        + " ON CONFLICT DO NOTHING")
                .params(deliveryId, certificateId, applicationId, type.name(), json.writeValueAsString(payload),
                        ts(now), ts(now), certificateId, applicationId, type.name(), certificateId, applicationId)
                .update() == 1;
        if (queued) {
            events.publishEvent(new WorkQueued(QueueName.DELIVERY));
        }
        return queued;
    }

    /**
     * Claims due notifications for {@code lease} in one short statement: rows another live lease holds are skipped,
     * rows whose lease ran out (their worker died or hung) are taken over.
     */
    List<Pending> claimDue(Lease lease, Instant now, int limit) {
        return jdbc.sql("UPDATE issuer.delivery_outbox SET lease_owner = ?, lease_until = ? WHERE id IN ("
                        + " SELECT id FROM issuer.delivery_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, delivery_id, coalesce(certificate_id, application_id::text) AS subject,"
                        + " payload::text AS payload, attempts, correlation_id")
                .params(lease.owner(), ts(lease.until()), ts(now), ts(now), limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("delivery_id", UUID.class),
                        rs.getString("subject"), rs.getString("payload"), rs.getInt("attempts"),
                        rs.getString("correlation_id")))
                .list().stream().sorted(java.util.Comparator.comparingLong(Pending::id)).toList();
    }

    /** Marks a notification delivered; false when {@code owner}'s lease on it was taken over (nothing changed). */
    boolean delivered(long id, String owner, Instant now) {
        return jdbc.sql("UPDATE issuer.delivery_outbox SET delivered_at = ?, attempts = attempts + 1,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
                .params(ts(now), id, owner).update() == 1;
    }

    /** Counts a failed attempt and frees the row for {@code nextAttempt}; false when the lease was taken over. */
    boolean failed(long id, String owner, Instant nextAttempt, String error) {
        return jdbc.sql("UPDATE issuer.delivery_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
                .params(ts(nextAttempt), truncate(error), id, owner).update() == 1;
    }

    /** Frees a row that was not tried (the bridge was known to be down) for {@code next}, counting no attempt. */
    boolean notTried(long id, String owner, Instant next) {
        return jdbc.sql("UPDATE issuer.delivery_outbox SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND lease_owner = ?")
                .params(ts(next), id, owner).update() == 1;
    }

    public long pending() {
        return jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE delivered_at IS NULL").query(Long.class)
                .single();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
