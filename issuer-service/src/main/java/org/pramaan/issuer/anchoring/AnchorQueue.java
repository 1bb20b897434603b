package org.pramaan.issuer.anchoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.service.work.Lease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The anchoring and revocation outboxes, claimed with a lease and settled by the {@link AnchoringWorker} and the
 * {@link RevocationRecorder}: every claim is one short statement, every settle checks the row still carries the
 * settling worker's lease, and no row lock outlives its statement.
 */
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

    /**
     * The department whose due, unleased certificates should go now, oldest first: a full batch waits, or its oldest
     * certificate has waited {@code fillBy} (the batch fills no longer); empty when none.
     */
    public java.util.Optional<DepartmentCode> departmentToAnchor(Instant now, int batchSize, Instant fillBy) {
        return jdbc.sql("SELECT department FROM issuer.anchor_outbox WHERE parked_at IS NULL AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until < ?) GROUP BY department"
                        + " HAVING count(*) >= ? OR min(enqueued_at) <= ? ORDER BY min(enqueued_at) LIMIT 1")
                .params(ts(now), ts(now), batchSize, ts(fillBy))
                .query((rs, n) -> DepartmentCode.of(rs.getString(1))).optional();
    }

    /**
     * The earliest moment a certificate not held by a live lease becomes due: its batch is cut by time
     * ({@code enqueued_at + maxWait}), or its retry's backoff ends.
     */
    public java.util.Optional<Instant> nextDue(Instant now, java.time.Duration maxWait) {
        Timestamp due = jdbc.sql("SELECT min(GREATEST(enqueued_at + make_interval(secs => ?), next_attempt_at))"
                        + " FROM issuer.anchor_outbox WHERE parked_at IS NULL AND (lease_until IS NULL OR lease_until < ?)")
                .params(maxWait.toNanos() / 1e9, ts(now))
                .query((rs, n) -> rs.getTimestamp(1)).single();
        return java.util.Optional.ofNullable(due).map(Timestamp::toInstant);
    }

    /**
     * Claims for {@code lease} the oldest due certificates of a department that no live lease holds, in one short
     * statement (rows another worker is claiming at this moment are skipped, not waited for).
     */
    public List<Waiting> claimBatch(DepartmentCode department, Lease lease, Instant now, int limit) {
        return jdbc.sql("WITH claimed AS (UPDATE issuer.anchor_outbox SET lease_owner = ?, lease_until = ?"
                        + " WHERE certificate_id IN (SELECT certificate_id FROM issuer.anchor_outbox"
                        + " WHERE department = ? AND next_attempt_at <= ? AND parked_at IS NULL"
                        + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY enqueued_at, certificate_id"
                        + " LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING certificate_id, enqueued_at, attempts)"
                        + " SELECT a.certificate_id, c.type, c.claims_hash, c.kid, c.expires_at, c.issued_at,"
                        + " a.enqueued_at, a.attempts, c.correlation_id FROM claimed a"
                        + " JOIN issuer.certificate c ON c.id = a.certificate_id ORDER BY a.enqueued_at, a.certificate_id")
                .params(lease.owner(), ts(lease.until()), department.value(), ts(now), ts(now), limit)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                        rs.getInt(8), rs.getString(9)))
                .list();
    }

    /**
     * Removes the rows of {@code certificateIds} that still carry {@code owner}'s lease, in one statement, and
     * returns their ids: the others were claimed by another worker when this one's lease ran out.
     */
    public java.util.Set<String> removeAll(List<String> certificateIds, String owner) {
        return new java.util.HashSet<>(jdbc.sql("DELETE FROM issuer.anchor_outbox WHERE certificate_id = ANY (?)"
                        + " AND lease_owner = ? RETURNING certificate_id")
                .params(certificateIds.toArray(String[]::new), owner).query(String.class).list());
    }

    /** Frees certificates of {@code owner}'s claim at once, counting no attempt (they are sent again one by one). */
    public void release(List<String> certificateIds, String owner) {
        for (String id : certificateIds) {
            jdbc.sql("UPDATE issuer.anchor_outbox SET lease_owner = NULL, lease_until = NULL"
                    + " WHERE certificate_id = ? AND lease_owner = ?").params(id, owner).update();
        }
    }

    /** Counts a failed attempt; a certificate reaching {@code maxAttempts} is parked. Returns the ids parked now. */
    public List<String> postpone(List<String> certificateIds, String owner, Instant next, String error, int maxAttempts,
                                 Instant now) {
        List<String> parked = new java.util.ArrayList<>();
        for (String id : certificateIds) {
            parked.addAll(jdbc.sql("UPDATE issuer.anchor_outbox SET attempts = attempts + 1, next_attempt_at = ?,"
                            + " last_error = ?, parked_at = CASE WHEN attempts + 1 >= ? THEN CAST(? AS timestamptz) END,"
                            + " lease_owner = NULL, lease_until = NULL"
                            + " WHERE certificate_id = ? AND lease_owner = ? RETURNING certificate_id, parked_at")
                    .params(ts(next), truncate(error), maxAttempts, ts(now), id, owner)
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

    /**
     * Claims for {@code lease} due revocations of certificates already anchored (a revocation cannot precede the
     * record it changes), in one short statement.
     */
    public List<Revocation> claimDueRevocations(Lease lease, Instant now, int limit) {
        return jdbc.sql("WITH claimed AS (UPDATE issuer.revocation_outbox SET lease_owner = ?, lease_until = ?"
                        + " WHERE certificate_id IN (SELECT r.certificate_id"
                        + " FROM issuer.revocation_outbox r JOIN issuer.certificate c ON c.id = r.certificate_id"
                        + " WHERE c.transaction_id IS NOT NULL AND r.next_attempt_at <= ?"
                        + " AND (r.lease_until IS NULL OR r.lease_until < ?)"
                        // A replacement must be on the ledger before the old record can point at it.
                        + " AND (r.replaced_by IS NULL OR EXISTS (SELECT 1 FROM issuer.certificate n"
                        + " WHERE n.id = r.replaced_by AND n.transaction_id IS NOT NULL))"
                        // A hold or release taken before the revocation reaches the ledger first.
                        + " AND NOT EXISTS (SELECT 1 FROM issuer.hold_outbox h WHERE h.certificate_id = r.certificate_id)"
                        + " ORDER BY r.enqueued_at LIMIT ? FOR UPDATE OF r SKIP LOCKED)"
                        + " RETURNING certificate_id, department, reason_code, attempts, replaced_by, enqueued_at)"
                        + " SELECT r.certificate_id, r.department, r.reason_code, r.attempts, c.correlation_id,"
                        + " r.replaced_by FROM claimed r JOIN issuer.certificate c ON c.id = r.certificate_id"
                        + " ORDER BY r.enqueued_at")
                .params(lease.owner(), ts(lease.until()), ts(now), ts(now), limit)
                .query((rs, n) -> new Revocation(rs.getString(1), DepartmentCode.of(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** Removes a revocation the ledger has; false when {@code owner}'s lease was taken over. */
    public boolean removeRevocation(String certificateId, String owner) {
        return jdbc.sql("DELETE FROM issuer.revocation_outbox WHERE certificate_id = ? AND lease_owner = ?")
                .params(certificateId, owner).update() == 1;
    }

    /** Counts a failed attempt and frees the row for {@code next}; false when the lease was taken over. */
    public boolean postponeRevocation(String certificateId, String owner, Instant next, String error) {
        return jdbc.sql("UPDATE issuer.revocation_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE certificate_id = ? AND lease_owner = ?")
                .params(ts(next), truncate(error), certificateId, owner).update() == 1;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
