package org.pramaan.issuer.hold;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.pramaan.service.work.Lease;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hold columns of a certificate, the department's trail of holds and releases (with the
 * officer's note, which never leaves this database) and the outbox that takes them to the ledger.
 */
@Repository
public class Holds {

    /** A hold or release waiting for the ledger. */
    public record Pending(long id, String certificateId, DepartmentCode department, HoldAction action, String code,
                          int attempts) {
    }

    /** One line of the department's trail. */
    public record Step(HoldAction action, String code, String note, String actor, Instant at) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public Holds(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The certificate's hold code, or null when it is not on hold. */
    public String holdCode(String certificateId) {
        return jdbc.sql("SELECT hold_code FROM issuer.certificate WHERE id = ?").param(certificateId)
                .query(String.class).optional().orElse(null);
    }

    /** Records the step here and queues it for the ledger, in the caller's transaction. */
    public void record(Certificate c, HoldAction action, String code, String note, String actor, Instant at) {
        jdbc.sql("UPDATE issuer.certificate SET hold_code = ?, held_at = ? WHERE id = ?")
                .params(action == HoldAction.HOLD ? code : null, action == HoldAction.HOLD ? ts(at) : null, c.id().value())
                .update();
        jdbc.sql("INSERT INTO issuer.certificate_hold_log (certificate_id, action, code, note, actor, at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(c.id().value(), action.name(), code, note, actor, ts(at)).update();
        jdbc.sql("INSERT INTO issuer.hold_outbox (certificate_id, department, action, code, enqueued_at,"
                        + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(c.id().value(), c.department().value(), action.name(), code, ts(at), ts(at)).update();
        events.publishEvent(new WorkQueued(QueueName.HOLD));
    }

    public List<Step> trail(String certificateId) {
        return jdbc.sql("SELECT action, code, note, actor, at FROM issuer.certificate_hold_log"
                        + " WHERE certificate_id = ? ORDER BY id")
                .param(certificateId)
                .query((rs, n) -> new Step(HoldAction.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /**
     * Claims for {@code lease} the first waiting step of each anchored certificate that is due and not leased, in one
     * short statement: steps of one certificate reach the ledger in the order the officers took them (a later step
     * waits while an earlier one exists, leased or not).
     */
    public List<Pending> claimDue(Lease lease, Instant now, int limit) {
        return jdbc.sql("UPDATE issuer.hold_outbox SET lease_owner = ?, lease_until = ? WHERE id IN ("
                        + " SELECT h.id FROM issuer.hold_outbox h JOIN issuer.certificate c ON c.id = h.certificate_id"
                        + " WHERE c.transaction_id IS NOT NULL AND h.next_attempt_at <= ?"
                        + " AND (h.lease_until IS NULL OR h.lease_until < ?)"
                        + " AND NOT EXISTS (SELECT 1 FROM issuer.hold_outbox e"
                        + "   WHERE e.certificate_id = h.certificate_id AND e.id < h.id)"
                        + " ORDER BY h.id LIMIT ? FOR UPDATE OF h SKIP LOCKED)"
                        + " RETURNING id, certificate_id, department, action, code, attempts")
                .params(lease.owner(), ts(lease.until()), ts(now), ts(now), limit)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), DepartmentCode.of(rs.getString(3)),
                        HoldAction.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6)))
                .list().stream().sorted(java.util.Comparator.comparingLong(Pending::id)).toList();
    }

    /** Removes a step the ledger has; false when {@code owner}'s lease on it was taken over (nothing changed). */
    public boolean remove(long id, String owner) {
        return jdbc.sql("DELETE FROM issuer.hold_outbox WHERE id = ? AND lease_owner = ?").params(id, owner)
                .update() == 1;
    }

    /** Counts a failed attempt and frees the step for {@code next}; false when the lease was taken over. */
    public boolean postpone(long id, String owner, Instant next, String error) {
        return jdbc.sql("UPDATE issuer.hold_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")
                .params(ts(next), error == null ? null : error.substring(0, Math.min(error.length(), 500)), id, owner)
                .update() == 1;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
