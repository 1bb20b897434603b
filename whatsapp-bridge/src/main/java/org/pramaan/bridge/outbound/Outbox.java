package org.pramaan.bridge.outbound;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Lease;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbound queue in PostgreSQL. States: PENDING (to send), ACCEPTED (Graph API said 200), SENT, DELIVERED,
 * READ (from status notifications), WAITING_WINDOW (blocked by the 24-hour window until the citizen writes),
 * FAILED (permanent, with the error code).
 */
@Repository
public class Outbox {

    private final JdbcTemplate jdbc;
    private final OutboxSignal signal;

    public Outbox(JdbcTemplate jdbc, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.signal = signal;
    }

    public record Entry(long seq, String citizenId, String recipient, OutboundMessage message, int attempts,
            String correlationId) {
    }

    /** Queues a message under the correlation id of the work at hand (an application's, if any) for the sender's logs. */
    public void enqueue(Citizen citizen, OutboundMessage message) {
        enqueue(citizen, message, Correlation.current().orElse(null));
    }

    /** Queues a message under the given correlation id (null: none), e.g. one a chat turn noted when it answered. */
    public void enqueue(Citizen citizen, OutboundMessage message, String correlationId) {
        jdbc.update("INSERT INTO outbox (citizen_id, recipient, kind, payload, state, correlation_id) "
                + "VALUES (?, ?, ?, ?, 'PENDING', ?)", citizen.id(), citizen.recipient(), message.kind(),
                message.payload(), correlationId);
        signal.afterCommit();
    }

    /**
     * Claims for {@code lease} the oldest due message of citizens whose earlier messages are all out of the way, at
     * most {@code limit}: that keeps one citizen's messages in order (a claimed message is still PENDING, so the next
     * one waits for it) while different citizens proceed in parallel, on several threads and processes. One
     * statement, so the claim is its own short transaction; the send happens outside any.
     *
     * <p>"First of its citizen" is a per-row subquery on {@code outbox_pending_citizen}, not {@code NOT EXISTS}: a
     * backlog queued faster than autovacuum re-analyzes the table (a deadline day after a quiet week) left the planner
     * believing in a handful of pending rows, and it joined every pending row with every other (a claim 0.3-0.8 s at
     * 2,000 pending, so the bridge sent under 95 messages/s at a 1,000/s tier; DeliveryAtAnUpgradedTierTest).
     */
    public List<Entry> claim(Lease lease, Instant now, int limit) {
        return jdbc.query("""
                WITH due AS (
                  SELECT o.seq FROM outbox o
                  WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
                    AND o.seq = (SELECT min(p.seq) FROM outbox p WHERE p.citizen_id = o.citizen_id
                                 AND p.state = 'PENDING')
                  ORDER BY o.seq LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE outbox SET lease_owner = ?, lease_until = ? FROM due WHERE outbox.seq = due.seq
                RETURNING outbox.seq, outbox.citizen_id, outbox.recipient, outbox.kind, outbox.payload, outbox.attempts,
                  outbox.correlation_id""",
                (rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
                        new OutboundMessage(rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getString(7)),
                Timestamp.from(now), Timestamp.from(now), limit, lease.owner(), Timestamp.from(lease.until()))
                .stream().sorted(java.util.Comparator.comparingLong(Entry::seq)).toList();
    }

    // The settling writes below touch a message only while it is still leased to the caller, and end the lease:
    // a sender that lost its lease (it hung, another took the message over) cannot overwrite what the other did.
    private static final String SETTLE = ", lease_owner = NULL, lease_until = NULL WHERE seq = ? AND lease_owner = ?";

    public boolean accepted(long seq, Lease lease, String wamid) {
        return jdbc.update("UPDATE outbox SET state = 'ACCEPTED', wamid = ?, attempts = attempts + 1, "
                + "updated_at = now()" + SETTLE, wamid, seq, lease.owner()) == 1;
    }

    public boolean receiptSent(long seq, Lease lease) {
        return jdbc.update("UPDATE outbox SET state = 'READ', attempts = attempts + 1, updated_at = now()" + SETTLE,
                seq, lease.owner()) == 1;
    }

    public boolean retryAt(long seq, Lease lease, Instant at, int code, String error) {
        return jdbc.update("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, error_code = ?, "
                + "error_text = ?, updated_at = now()" + SETTLE, Timestamp.from(at), code, error, seq,
                lease.owner()) == 1;
    }

    /** Pacing delay: not an attempt. */
    public boolean deferUntil(long seq, Lease lease, Instant at) {
        return jdbc.update("UPDATE outbox SET next_attempt_at = ?" + SETTLE, Timestamp.from(at), seq,
                lease.owner()) == 1;
    }

    public boolean failed(long seq, Lease lease, int code, String error) {
        return jdbc.update("UPDATE outbox SET state = 'FAILED', attempts = attempts + 1, error_code = ?, "
                + "error_text = ?, updated_at = now()" + SETTLE, code, error, seq, lease.owner()) == 1;
    }

    public boolean waitForWindow(long seq, Lease lease) {
        return jdbc.update("UPDATE outbox SET state = 'WAITING_WINDOW', updated_at = now()" + SETTLE, seq,
                lease.owner()) == 1;
    }

    /**
     * Replaces a resolved issuer document by the uploaded document, so a retry does not upload again; the message
     * stays leased (the send follows).
     */
    public void resolve(long seq, Lease lease, OutboundMessage message) {
        jdbc.update("UPDATE outbox SET kind = ?, payload = ? WHERE seq = ? AND lease_owner = ?", message.kind(),
                message.payload(), seq, lease.owner());
    }

    /**
     * A status notification. Returns the citizen of the message, or null when the id is unknown. States only move
     * forward (Meta may skip delivered and sends no ordering guarantee); failed always wins.
     */
    public String applyStatus(String wamid, String status, int errorCode, String errorText) {
        List<String> citizen = jdbc.queryForList("SELECT citizen_id FROM outbox WHERE wamid = ?", String.class, wamid);
        if (citizen.isEmpty()) {
            return null;
        }
        if ("failed".equals(status)) {
            String state = errorCode == 131047 ? "WAITING_WINDOW" : "FAILED";
            jdbc.update("UPDATE outbox SET state = ?, error_code = ?, error_text = ?, updated_at = now() "
                    + "WHERE wamid = ?", state, errorCode, errorText, wamid);
        } else {
            String state = switch (status) {
                case "sent" -> "SENT";
                case "delivered" -> "DELIVERED";
                case "read", "played" -> "READ";
                default -> null;
            };
            if (state != null) {
                jdbc.update("""
                        UPDATE outbox SET state = ?, updated_at = now() WHERE wamid = ? AND
                          array_position(ARRAY['ACCEPTED','SENT','DELIVERED','READ'], state)
                          < array_position(ARRAY['ACCEPTED','SENT','DELIVERED','READ'], ?)""", state, wamid, state);
            }
        }
        return citizen.get(0);
    }

    /** The citizen wrote: the window is open again, so what waited for it goes out, in its original order. */
    public int releaseWaiting(String citizenId) {
        signal.afterCommit();
        return jdbc.update("UPDATE outbox SET state = 'PENDING', wamid = NULL, next_attempt_at = now(), "
                + "updated_at = now() WHERE citizen_id = ? AND state = 'WAITING_WINDOW'", citizenId);
    }

    /**
     * What is not sent yet goes to the citizen's new id instead: the old number may soon be someone else's. Order is
     * kept (it is seq order). Sent messages stay where they went, as history.
     */
    public int transfer(String fromCitizenId, Citizen to) {
        signal.afterCommit();
        return jdbc.update("UPDATE outbox SET citizen_id = ?, recipient = ?, updated_at = now() "
                + "WHERE citizen_id = ? AND state IN ('PENDING', 'WAITING_WINDOW')", to.id(), to.recipient(),
                fromCitizenId);
    }

    /** Serialises, until the caller's transaction ends, whatever else holds this citizen's lock (namespace 2701). */
    public void lockCitizen(String citizenId) {
        jdbc.query("SELECT pg_advisory_xact_lock(2701, hashtext(?))", rs -> null, citizenId);
    }

    public boolean hasPendingTemplate(String citizenId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE citizen_id = ? AND kind = 'template' "
                + "AND state IN ('PENDING', 'ACCEPTED', 'SENT', 'DELIVERED') AND created_at > now() - interval '24 hours'",
                Integer.class, citizenId);
        return n != null && n > 0;
    }

    public String state(long seq) {
        return jdbc.queryForObject("SELECT state FROM outbox WHERE seq = ?", String.class, seq);
    }
}
