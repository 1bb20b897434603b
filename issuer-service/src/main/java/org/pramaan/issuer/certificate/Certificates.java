package org.pramaan.issuer.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The certificates, stored in {@code issuer.certificate} with their PDF and credential bytes. */
@Repository
public class Certificates {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = "id, application_id, department, service_code, type, holder_name, language,"
            + " phone_number, fields::text AS fields, issued_at, expires_at, claims_hash, kid, qr_text, status,"
            + " transaction_id, block_number, anchored_at, revoked_at, revocation_code, revocation_reason";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    public Certificates(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores a new certificate and queues it for anchoring: call inside the issuing transaction.
     * Its correlation id is its application's (the trail that began at the citizen's chat), else
     * {@code requestCorrelationId}, the request that issued it directly (may be null).
     */
    public void insertAndEnqueue(Certificate c, byte[] cose, byte[] pdf, Instant now, String requestCorrelationId) {
        jdbc.sql("INSERT INTO issuer.certificate (id, application_id, department, service_code, type, holder_name,"
                        + " language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text, cose, pdf,"
                        + " status, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " coalesce((SELECT a.correlation_id FROM issuer.application a WHERE a.id = ?), ?))")
                .params(c.id().value(), c.applicationId(), c.department().value(), c.serviceCode(), c.type(), c.holderName(),
                        c.language().code(), c.phoneNumber(), json.writeValueAsString(c.fields()), ts(c.issuedAt()),
                        ts(c.expiresAt()), c.claimsHash(), c.kid(), c.qrText(), cose, pdf, c.status().name(),
                        c.applicationId(), requestCorrelationId)
                .update();
        jdbc.sql("INSERT INTO issuer.anchor_outbox (certificate_id, department, enqueued_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(c.id().value(), c.department().value(), ts(now), ts(now))
                .update();
        events.publishEvent(new WorkQueued(QueueName.ANCHORING));
    }

    public Optional<Certificate> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE id = ?").param(id).query(this::row)
                .optional();
    }

    public Optional<byte[]> pdf(String id) {
        return jdbc.sql("SELECT pdf FROM issuer.certificate WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public Optional<byte[]> cose(String id) {
        return jdbc.sql("SELECT cose FROM issuer.certificate WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Certificates of a department (null: all) matching an id or holder-name fragment, newest first. */
    public List<Certificate> search(DepartmentCode department, String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase().replace("%", "").replace("_", "")) + "%";
        String dept = department == null ? null : department.value();
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE (?::text IS NULL OR department = ?)"
                        + " AND (lower(id) LIKE ? OR lower(holder_name) LIKE ?) ORDER BY issued_at DESC LIMIT ?")
                .params(dept, dept, like, like, limit).query(this::row).list();
    }

    /** A citizen's certificates, newest first (the bridge's "my certificates"). */
    public List<Certificate> byPhone(String phoneDigits, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE phone_number = ?"
                        + " ORDER BY issued_at DESC, id LIMIT ?")
                .params(phoneDigits, limit).query(this::row).list();
    }

    /** What the ledger was told beyond the status: the hold code and the replacement, for one phone's certificates. */
    public record Standing(String holdCode, String replacedBy) {
    }

    /** The hold code and replacement of each of a citizen's certificates that has either, by id. */
    public Map<String, Standing> standingByPhone(String phoneDigits) {
        Map<String, Standing> standing = new java.util.HashMap<>();
        jdbc.sql("SELECT id, hold_code, replaced_by FROM issuer.certificate WHERE phone_number = ?"
                        + " AND (hold_code IS NOT NULL OR replaced_by IS NOT NULL)")
                .param(phoneDigits)
                .query((rs, n) -> standing.put(rs.getString(1), new Standing(rs.getString(2), rs.getString(3))))
                .list();
        return standing;
    }

    public long countIssuedSince(DepartmentCode department, Instant since) {
        String dept = department == null ? null : department.value();
        return jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE (?::text IS NULL OR department = ?)"
                        + " AND issued_at >= ?")
                .params(dept, dept, ts(since)).query(Long.class).single();
    }

    /**
     * Stores what {@link Certificate#anchor} recorded; only a certificate without ledger evidence takes it, so a
     * settle repeated by another worker changes nothing.
     */
    public void recordAnchor(Certificate c) {
        jdbc.sql("UPDATE issuer.certificate SET transaction_id = ?, block_number = ?, anchored_at = ?, status = ?"
                        + " WHERE id = ? AND transaction_id IS NULL")
                .params(c.transactionId(), c.blockNumber(), ts(c.anchoredAt()), c.status().name(), c.id().value())
                .update();
    }

    /**
     * Stores what {@link Certificate#revoke} recorded, by {@code actor}, and queues the ledger record of it, in the
     * caller's transaction; false when another request revoked it meanwhile (nothing is stored then). The note
     * stays in this table: the outbox carries the code only, as the ledger takes nothing else.
     */
    public boolean recordRevocationAndEnqueue(Certificate c, String actor) {
        boolean changed = jdbc.sql("UPDATE issuer.certificate SET status = 'REVOKED', revoked_at = ?,"
                        + " hold_code = NULL, held_at = NULL,"
                        + " revocation_code = ?, revocation_reason = ?, revoked_by = ? WHERE id = ? AND status <> 'REVOKED'")
                .params(ts(c.revokedAt()), c.revocationCode(), c.revocationReason(), actor, c.id().value())
                .update() == 1;
        if (changed) {
            jdbc.sql("INSERT INTO issuer.revocation_outbox (certificate_id, department, reason_code,"
                            + " enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)")
                    .params(c.id().value(), c.department().value(), c.revocationCode(), ts(c.revokedAt()),
                            ts(c.revokedAt())).update();
        }
        return changed;
    }

    private Certificate row(ResultSet rs, int n) throws SQLException {
        String transactionId = rs.getString("transaction_id");
        Instant revokedAt = instant(rs.getTimestamp("revoked_at"));
        return Certificate.restore(CertificateId.of(rs.getString("id")), rs.getObject("application_id", UUID.class),
                DepartmentCode.of(rs.getString("department")), rs.getString("service_code"), rs.getString("type"),
                rs.getString("holder_name"), Language.ofCode(rs.getString("language")), rs.getString("phone_number"),
                json.readValue(rs.getString("fields"), FIELDS), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("expires_at")), rs.getString("claims_hash"), rs.getString("kid"),
                rs.getString("qr_text"), CertificateStatus.valueOf(rs.getString("status")),
                transactionId == null ? null : new Certificate.Anchor(transactionId,
                        rs.getObject("block_number", Long.class), instant(rs.getTimestamp("anchored_at"))),
                revokedAt == null ? null : new Certificate.Revocation(revokedAt, rs.getString("revocation_code"),
                        rs.getString("revocation_reason")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
