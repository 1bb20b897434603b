package org.pramaan.bridge.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.service.work.Lease;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The durable inbox: written in the webhook request, drained by {@link InboxWorker}. */
@Repository
public class Inbox {

    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a store did: how many events were new, and the ones the database refused. */
    public record Stored(int fresh, List<SetAside> refused) {
    }

    /**
     * Stores the events; ones already stored (Meta's retries) are ignored. When the batch is refused, each event
     * is tried alone so one the database cannot take (it names only its SQL state) does not sink the others.
     */
    public Stored storeEach(List<InboxEvent> events) {
        try {
            return new Stored(store(events), List.of());
        } catch (DataAccessException batchFailed) {
            int fresh = 0;
            List<SetAside> refused = new ArrayList<>();
            for (InboxEvent event : events) {
                try {
                    fresh += store(List.of(event));
                } catch (DataAccessException e) {
                    refused.add(new SetAside(SetAside.Reason.STORE_FAILED, "database refused the event (SQL state "
                            + sqlState(e) + ")", event.payload()));
                }
            }
            return new Stored(fresh, refused);
        }
    }

    private static String sqlState(DataAccessException e) {
        return e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "unknown";
    }

    /** Stores the events; ones already stored (Meta's retries) are ignored. Returns how many were new. */
    public int store(List<InboxEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate("""
                INSERT INTO inbox (event_key, kind, citizen_id, event_time, payload)
                SELECT ?, ?, ?, ?::timestamptz, ?
                WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE event_key = ?)
                ON CONFLICT DO NOTHING""", events, events.size(), (ps, e) -> {
            // The inbox is monthly partitions (retention): the look across all of them refuses a retry whose first
            // copy arrived in an earlier month; the month's own unique index refuses a concurrent one.
            ps.setString(1, e.key());
            ps.setString(2, e.kind().name());
            ps.setString(3, e.citizenId());
            ps.setTimestamp(4, Timestamp.from(e.eventTime()));
            ps.setString(5, e.payload());
            ps.setString(6, e.key());
        });
        int fresh = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                fresh += Math.max(c, 0);
            }
        }
        return fresh;
    }

    /**
     * Claims for {@code lease} up to {@code limit} events that are due: unprocessed, not under another live lease,
     * and the first unprocessed event of their citizen, so one citizen's messages are worked strictly in order while
     * different citizens' go to different workers. One statement, so the claim is its own short transaction.
     * "First of its citizen" is a per-row subquery on {@code inbox_pending_citizen}, not {@code NOT EXISTS}, for the
     * reason {@link org.pramaan.bridge.outbound.Outbox#claim} gives: with stale statistics a burst made the planner
     * compare every pending row with every other. An event of no citizen (a status update) waits for nothing.
     */
    public List<Claimed> claim(Lease lease, Instant now, int limit) {
        return jdbc.query("""
                WITH due AS (
                  SELECT i.seq FROM inbox i
                  WHERE i.processed_at IS NULL AND (i.lease_until IS NULL OR i.lease_until <= ?)
                    AND (i.citizen_id IS NULL
                         OR (i.event_time, i.seq) = (SELECT e.event_time, e.seq FROM inbox e
                                                     WHERE e.citizen_id = i.citizen_id AND e.processed_at IS NULL
                                                     ORDER BY e.event_time, e.seq LIMIT 1))
                  ORDER BY i.event_time, i.seq LIMIT ? FOR UPDATE SKIP LOCKED)
                UPDATE inbox SET lease_owner = ?, lease_until = ?, attempts = inbox.attempts + 1
                FROM due WHERE inbox.seq = due.seq
                RETURNING inbox.seq, inbox.event_key, inbox.kind, inbox.citizen_id, inbox.event_time, inbox.payload,
                  inbox.attempts""",
                (rs, n) -> new Claimed(rs.getLong(1), new InboxEvent(rs.getString(2),
                        InboxEvent.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), rs.getInt(7)),
                Timestamp.from(now), limit, lease.owner(), Timestamp.from(lease.until()));
    }

    /**
     * Inside the settling transaction: locks the event and says whether it is still unprocessed and leased to
     * {@code lease}'s owner. A worker that lost its lease (it took too long, another worker reclaimed the event) must
     * then apply nothing; the lock makes a second settler wait for this one and then see the event processed.
     */
    public boolean holds(long seq, Lease lease) {
        return !jdbc.queryForList("SELECT seq FROM inbox WHERE seq = ? AND processed_at IS NULL AND lease_owner = ? "
                + "FOR UPDATE", Long.class, seq, lease.owner()).isEmpty();
    }

    /** Marks the event processed, inside the settling transaction after {@link #holds}. */
    public void markProcessed(long seq, String outcome) {
        jdbc.update("UPDATE inbox SET processed_at = now(), outcome = ?, lease_owner = NULL, lease_until = NULL "
                + "WHERE seq = ?", outcome, seq);
    }

    /** Gives the event back at once (its turn met a concurrent change and is to be worked again). */
    public void release(long seq, Lease lease) {
        jdbc.update("UPDATE inbox SET lease_until = NULL WHERE seq = ? AND lease_owner = ? AND processed_at IS NULL",
                seq, lease.owner());
    }

    public long pending() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM inbox WHERE processed_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    /** An event claimed by a worker, with how many times it has been claimed, this time included. */
    public record Claimed(long seq, InboxEvent event, int attempts) {
    }
}
