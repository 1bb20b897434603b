package org.pramaan.issuer.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.catalog.Catalog;
import org.pramaan.issuer.certificate.Certificate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications for the WhatsApp bridge, queued in the transaction that makes them due (anchoring,
 * revocation) and sent at least once by the {@link DeliveryWorker}. One row per certificate and
 * type, so a retried anchoring does not notify twice.
 */
@Repository
public class DeliveryOutbox {

    public enum Type { ISSUED, REVOKED }

    /** One notification due for sending. */
    public record Pending(long id, String certificateId, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final String publicBaseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    public DeliveryOutbox(JdbcClient jdbc, Catalog catalog, IssuerProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.publicBaseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
    }

    public void enqueue(Certificate certificate, Type type, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.name());
        payload.put("certificateId", certificate.id());
        payload.put("applicationId", certificate.applicationId() == null ? null : certificate.applicationId().toString());
        payload.put("phoneNumber", certificate.phoneNumber());
        payload.put("language", certificate.language().code());
        payload.put("serviceName", catalog.service(certificate.serviceCode())
                .map(s -> s.names().in(certificate.language())).orElse(certificate.serviceCode()));
        payload.put("pdfUrl", publicBaseUrl + "/api/v1/certificates/" + certificate.id() + "/pdf");
        payload.put("verifyUrl", certificate.qrText());
        if (type == Type.REVOKED) {
            payload.put("reason", certificate.revocationReason());
        }
        jdbc.sql("INSERT INTO issuer.delivery_outbox (certificate_id, type, payload, enqueued_at, next_attempt_at)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (certificate_id, type) DO NOTHING")
                .params(certificate.id(), type.name(), json.writeValueAsString(payload), ts(now), ts(now))
                .update();
    }

    /** Due notifications, locked for this transaction so that two workers never send the same one at once. */
    List<Pending> lockDue(Instant now, int limit) {
        return jdbc.sql("SELECT id, certificate_id, payload::text AS payload, attempts FROM issuer.delivery_outbox"
                        + " WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED")
                .params(ts(now), limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getString("certificate_id"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .list();
    }

    void delivered(long id, Instant now) {
        jdbc.sql("UPDATE issuer.delivery_outbox SET delivered_at = ?, attempts = attempts + 1 WHERE id = ?")
                .params(ts(now), id).update();
    }

    void failed(long id, Instant nextAttempt, String error) {
        jdbc.sql("UPDATE issuer.delivery_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " WHERE id = ?")
                .params(ts(nextAttempt), truncate(error), id).update();
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
