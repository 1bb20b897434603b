package org.pramaan.bridge.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Numbers citizens gave up, and when. Lets the bridge find a person's records under their earlier numbers, and
 * keep them from whoever holds such a number later.
 */
@Repository
public class NumberChanges {

    /** Chains are short (a person changes number a few times in a life); the bound only guards against cycles. */
    private static final int MAX_CHAIN = 16;

    /**
     * A number a citizen held, and when: {@code from} null means since before the bridge knew, {@code until} null
     * means still.
     */
    public record Span(String number, Instant from, Instant until) {

        public boolean covers(Instant at) {
            return at != null && (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
        }
    }

    private final JdbcTemplate jdbc;

    public NumberChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String oldId, String newId, Instant at) {
        jdbc.update("INSERT INTO number_change (old_id, new_id, changed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                oldId, newId, Timestamp.from(at));
    }

    /** When {@code number} was last given up by someone, if ever. */
    public Optional<Instant> lastGivenUp(String number) {
        return Optional.ofNullable(givenUpBefore(number, null));
    }

    /** Who {@code number}'s holder became when they gave it up last, following later changes too. */
    public Optional<String> successor(String number) {
        String current = number;
        for (int i = 0; i < MAX_CHAIN; i++) {
            List<String> next = jdbc.queryForList(
                    "SELECT new_id FROM number_change WHERE old_id = ? ORDER BY changed_at DESC LIMIT 1", String.class,
                    current);
            if (next.isEmpty()) {
                break;
            }
            current = next.get(0);
        }
        return current.equals(number) ? Optional.empty() : Optional.of(current);
    }

    /** The numbers {@code citizenId} held, the current one first: where the issuer filed their records. */
    public List<Span> spans(String citizenId) {
        List<Span> spans = new ArrayList<>();
        spans.add(new Span(citizenId, givenUpBefore(citizenId, null), null));
        Set<String> seen = new HashSet<>(Set.of(citizenId));
        List<String> frontier = List.of(citizenId);
        for (int depth = 0; depth < MAX_CHAIN && !frontier.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String id : frontier) {
                jdbc.query("SELECT old_id, changed_at FROM number_change WHERE new_id = ? ORDER BY changed_at", rs -> {
                    String old = rs.getString(1);
                    Instant until = rs.getTimestamp(2).toInstant();
                    if (seen.add(old)) {
                        spans.add(new Span(old, givenUpBefore(old, until), until));
                        next.add(old);
                    }
                }, id);
            }
            frontier = next;
        }
        return spans;
    }

    /** The last time {@code number} was given up before {@code at} (null: ever): when its later holder began. */
    private Instant givenUpBefore(String number, Instant at) {
        Timestamp t = at == null
                ? jdbc.queryForObject("SELECT max(changed_at) FROM number_change WHERE old_id = ?", Timestamp.class,
                        number)
                : jdbc.queryForObject("SELECT max(changed_at) FROM number_change WHERE old_id = ? AND changed_at < ?",
                        Timestamp.class, number, Timestamp.from(at));
        return t == null ? null : t.toInstant();
    }
}
