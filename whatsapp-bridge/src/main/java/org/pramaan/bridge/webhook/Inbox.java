package org.pramaan.bridge.webhook;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DataAccessException;
import java.util.Optional;
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
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING""", events, events.size(), (ps, e) -> {
            ps.setString(1, e.key());
            ps.setString(2, e.kind().name());
            ps.setString(3, e.citizenId());
            ps.setTimestamp(4, Timestamp.from(e.eventTime()));
            ps.setString(5, e.payload());
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
     * Locks the oldest unprocessed event for the calling transaction. Skips locked rows so a second worker (or a
     * second process after a restart) never takes the same event.
     */
    public Optional<StoredEvent> claimNext() {
        return jdbc.query("""
                SELECT seq, event_key, kind, citizen_id, event_time, payload FROM inbox
                WHERE processed_at IS NULL ORDER BY event_time, seq LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new StoredEvent(rs.getLong(1), new InboxEvent(rs.getString(2),
                        InboxEvent.Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)))).stream().findFirst();
    }

    public void markProcessed(long seq, String outcome) {
        jdbc.update("UPDATE inbox SET processed_at = now(), outcome = ? WHERE seq = ?", outcome, seq);
    }

    public long pending() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM inbox WHERE processed_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    public record StoredEvent(long seq, InboxEvent event) {
    }
}
