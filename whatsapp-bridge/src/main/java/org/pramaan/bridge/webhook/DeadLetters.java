package org.pramaan.bridge.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Where set-aside webhook items go ({@code dead_letter}), counted in {@code bridge.webhook.dead_letters} (tagged
 * with the reason) so an alert can fire; read by operators at {@code /internal/v1/dead-letters}.
 */
@Repository
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** A POST is at most 3 MB; one item of it is kept whole up to this much. */
    private static final int MAX_RAW = 1024 * 1024;

    /** One kept item, as the admin view shows it. */
    public record DeadLetter(long id, String reason, String detail, String raw, Instant receivedAt) {
    }

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;

    public DeadLetters(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
        meters.counter("bridge.webhook.dead_letters");
    }

    public void keep(List<SetAside> items) {
        for (SetAside item : items) {
            String raw = item.raw().replace("\u0000", "\\u0000");
            jdbc.update("INSERT INTO dead_letter (reason, detail, raw) VALUES (?, ?, ?)", item.reason().name(),
                    item.detail().replace("\u0000", ""), raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw);
            meters.counter("bridge.webhook.dead_letters").increment();
            meters.counter("bridge.webhook.dead_letters.by_reason", "reason", item.reason().name()).increment();
            log.warn("webhook item set aside ({}): {}", item.reason(), item.detail());
        }
    }

    public List<DeadLetter> newest(int limit) {
        return jdbc.query("SELECT id, reason, detail, raw, received_at FROM dead_letter ORDER BY id DESC LIMIT ?",
                (rs, n) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), Math.max(1, Math.min(limit, 500)));
    }
}
