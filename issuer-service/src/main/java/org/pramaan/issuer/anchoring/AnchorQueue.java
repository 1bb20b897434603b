package org.pramaan.issuer.anchoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The anchoring and revocation outboxes, read and settled by the {@link AnchoringWorker}. */
@Repository
public class AnchorQueue {

    /** A certificate waiting for the ledger, with what the ledger record needs. */
    public record Waiting(String certificateId, String type, String claimsHash, String kid, Instant expiresAt,
                          Instant issuedAt, Instant enqueuedAt, int attempts, String correlationId) {
    }

    /** A revocation waiting for the ledger. */
    public record Revocation(String certificateId, DepartmentCode department, String code, int attempts,
                             String correlationId, String replacedBy) {
    }

    private final JdbcClient jdbc;

    public AnchorQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DepartmentCode> departmentsWithDueWork(Instant now) {
        return jdbc.sql("SELECT DISTINCT department FROM issuer.anchor_outbox WHERE next_attempt_at <= ? AND parked_at IS NULL")
                .param(ts(now)).query((rs, n) -> DepartmentCode.of(rs.getString(1))).list();
    }

    /** The oldest due certificates of a department, locked until the transaction ends (other workers skip them). */
    public List<Waiting> lockBatch(DepartmentCode department, Instant now, int limit) {
        return jdbc.sql("SELECT a.certificate_id, c.type, c.claims_hash, c.kid, c.expires_at, c.issued_at,"
                        + " a.enqueued_at, a.attempts, c.correlation_id FROM issuer.anchor_outbox a"
                        + " JOIN issuer.certificate c ON c.id = a.certificate_id"
                        + " WHERE a.department = ? AND a.next_attempt_at <= ? AND a.parked_at IS NULL ORDER BY a.enqueued_at, a.certificate_id"
                        + " LIMIT ? FOR UPDATE OF a SKIP LOCKED")
                .params(department.value(), ts(now), limit)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                        rs.getInt(8), rs.getString(9)))
                .list();
    }

    public void remove(String certificateId) {
        jdbc.sql("DELETE FROM issuer.anchor_outbox WHERE certificate_id = ?").param(certificateId).update();
    }

    /** Counts a failed attempt; a certificate reaching {@code maxAttempts} is parked. Returns the ids parked now. */
    public List<String> postpone(List<String> certificateIds, Instant next, String error, int maxAttempts, Instant now) {
        List<String> parked = new java.util.ArrayList<>();
        for (String id : certificateIds) {
            parked.addAll(jdbc.sql("UPDATE issuer.anchor_outbox SET attempts = attempts + 1, next_attempt_at = ?,"
                            + " last_error = ?, parked_at = CASE WHEN attempts + 1 >= ? THEN CAST(? AS timestamptz) END"
                            + " WHERE certificate_id = ? RETURNING certificate_id, parked_at")
                    .params(ts(next), truncate(error), maxAttempts, ts(now), id)
                    .query((rs, n) -> rs.getTimestamp(2) == null ? null : rs.getString(1)).list().stream()
                    .filter(java.util.Objects::nonNull).toList());
        }
        return parked;
    }

    /** A certificate anchoring gave up on, kept for an operator. */
    public record Parked(String certificateId, DepartmentCode department, int attempts, Instant parkedAt,
                         String lastError) {
    }

    /** Parked certificates, newest first; {@code department} null for all. */
    public List<Parked> parked(DepartmentCode department, int limit) {
        return jdbc.sql("SELECT certificate_id, department, attempts, parked_at, last_error FROM issuer.anchor_outbox"
                        + " WHERE parked_at IS NOT NULL AND (CAST(? AS varchar) IS NULL OR department = ?)"
                        + " ORDER BY parked_at DESC LIMIT ?")
                .params(department == null ? null : department.value(), department == null ? null : department.value(),
                        limit)
                .query((rs, n) -> new Parked(rs.getString(1), DepartmentCode.of(rs.getString(2)), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    public long parkedCount() {
        return jdbc.sql("SELECT count(*) FROM issuer.anchor_outbox WHERE parked_at IS NOT NULL").query(Long.class)
                .single();
    }

    public long depth() {
        return jdbc.sql("SELECT count(*) FROM issuer.anchor_outbox").query(Long.class).single();
    }

    /** Revocations of certificates already anchored (a revocation cannot precede the record it changes). */
    public List<Revocation> lockDueRevocations(Instant now, int limit) {
        return jdbc.sql("SELECT r.certificate_id, r.department, r.reason_code, r.attempts,"
                        + " c.correlation_id, r.replaced_by"
                        + " FROM issuer.revocation_outbox r JOIN issuer.certificate c ON c.id = r.certificate_id"
                        + " WHERE c.transaction_id IS NOT NULL AND r.next_attempt_at <= ?"
                        // A replacement must be on the ledger before the old record can point at it.
                        + " AND (r.replaced_by IS NULL OR EXISTS (SELECT 1 FROM issuer.certificate n"
                        + " WHERE n.id = r.replaced_by AND n.transaction_id IS NOT NULL))"
                        // A hold or release taken before the revocation reaches the ledger first.
                        + " AND NOT EXISTS (SELECT 1 FROM issuer.hold_outbox h WHERE h.certificate_id = r.certificate_id)"
                        + " ORDER BY r.enqueued_at"
                        + " LIMIT ? FOR UPDATE OF r SKIP LOCKED")
                .params(ts(now), limit)
                .query((rs, n) -> new Revocation(rs.getString(1), DepartmentCode.of(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    public void removeRevocation(String certificateId) {
        jdbc.sql("DELETE FROM issuer.revocation_outbox WHERE certificate_id = ?").param(certificateId).update();
    }

    public void postponeRevocation(String certificateId, Instant next, String error) {
        jdbc.sql("UPDATE issuer.revocation_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
                        + " WHERE certificate_id = ?")
                .params(ts(next), truncate(error), certificateId).update();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
