package org.pramaan.issuer.rendering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.service.work.Lease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rendering outbox, {@code issuer.render_outbox}: certificates approved whose PDF is still to be made. */
@Repository
public class RenderQueue {

    /** A claimed certificate; {@code attempts} failed before. */
    public record Waiting(String certificateId, Instant enqueuedAt, int attempts, String correlationId) {
    }

    private final JdbcClient jdbc;

    public RenderQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims due rows for {@code lease} in one short statement, oldest first; rows a live lease holds are skipped. */
    public List<Waiting> claim(Lease lease, Instant now, int limit) {
        return jdbc.sql("WITH claimed AS (UPDATE issuer.render_outbox SET lease_owner = ?, lease_until = ?"
                        + " WHERE certificate_id IN (SELECT certificate_id FROM issuer.render_outbox"
                        + " WHERE next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                        + " ORDER BY next_attempt_at, certificate_id LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING certificate_id, enqueued_at, attempts)"
                        + " SELECT r.certificate_id, r.enqueued_at, r.attempts, c.correlation_id FROM claimed r"
                        + " JOIN issuer.certificate c ON c.id = r.certificate_id ORDER BY r.enqueued_at, r.certificate_id")
                .params(lease.owner(), ts(lease.until()), ts(now), ts(now), limit)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        rs.getString(4)))
                .list();
    }

    /** When the next waiting row comes due (a retry after its backoff), if any waits. */
    public Optional<Instant> nextDue() {
        Timestamp due = jdbc.sql("SELECT min(GREATEST(next_attempt_at, coalesce(lease_until, next_attempt_at)))"
                + " FROM issuer.render_outbox").query(Timestamp.class).single();
        return Optional.ofNullable(due).map(Timestamp::toInstant);
    }

    /** Removes a rendered row; false when {@code owner}'s lease on it was taken over (nothing changed). */
    public boolean remove(String certificateId, String owner) {
        return jdbc.sql("DELETE FROM issuer.render_outbox WHERE certificate_id = ? AND lease_owner = ?")
                .params(certificateId, owner).update() == 1;
    }

    /**
     * Removes the rendered rows of a batch that still carry {@code owner}'s lease, in one statement; the ids removed
     * (a row whose lease was taken over stays, for the worker that holds it now).
     */
    public Set<String> removeAll(List<String> certificateIds, String owner) {
        return new HashSet<>(jdbc.sql("DELETE FROM issuer.render_outbox WHERE certificate_id = ANY (?)"
                        + " AND lease_owner = ? RETURNING certificate_id")
                .params(certificateIds.toArray(String[]::new), owner).query(String.class).list());
    }

    /** Counts a failed attempt and frees the row for {@code next}; false when the lease was taken over. */
    public boolean postpone(String certificateId, String owner, Instant next, String error) {
        return jdbc.sql("UPDATE issuer.render_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE certificate_id = ? AND lease_owner = ?")
                .params(ts(next), error == null || error.length() <= 500 ? error : error.substring(0, 500),
                        certificateId, owner).update() == 1;
    }

    /** Certificates waiting for their PDF. */
    public long depth() {
        return jdbc.sql("SELECT count(*) FROM issuer.render_outbox").query(Long.class).single();
    }

    /** Seconds the oldest waiting certificate has waited for its PDF; 0 when none waits. */
    public double oldestAgeSeconds(Instant now) {
        Timestamp oldest = jdbc.sql("SELECT min(enqueued_at) FROM issuer.render_outbox").query(Timestamp.class).single();
        return oldest == null ? 0 : Math.max(0, (now.toEpochMilli() - oldest.getTime()) / 1000.0);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
