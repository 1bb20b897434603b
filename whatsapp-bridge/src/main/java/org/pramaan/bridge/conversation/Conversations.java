package org.pramaan.bridge.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

@Repository
public class Conversations {

    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public Conversations(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Conversation> find(String citizenId) {
        return jdbc.query("SELECT citizen_id, step, data, updated_at FROM conversation WHERE citizen_id = ? FOR UPDATE",
                (rs, n) -> new Conversation(rs.getString(1), Step.valueOf(rs.getString(2)),
                        json.readValue(rs.getString(3), DATA), rs.getTimestamp(4).toInstant()), citizenId)
                .stream().findFirst();
    }

    /** The conversation as it is now, without a lock: a chat turn reads it before waiting for remote answers. */
    public Optional<Conversation> read(String citizenId) {
        return jdbc.query("SELECT citizen_id, step, data, updated_at FROM conversation WHERE citizen_id = ?",
                (rs, n) -> new Conversation(rs.getString(1), Step.valueOf(rs.getString(2)),
                        json.readValue(rs.getString(3), DATA), rs.getTimestamp(4).toInstant()), citizenId)
                .stream().findFirst();
    }

    /**
     * Saves a conversation read by {@link #read} only if nobody changed it since ({@code readAt}: its updated_at
     * then, null when there was none); returns false, saving nothing, when somebody did.
     */
    public boolean saveIfUnchanged(Conversation c, Instant readAt) {
        if (readAt == null) {
            return jdbc.update("INSERT INTO conversation (citizen_id, step, data, updated_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (citizen_id) DO NOTHING", c.citizenId(), c.step().name(),
                    json.writeValueAsString(c.data()), Timestamp.from(c.updatedAt())) == 1;
        }
        return jdbc.update("UPDATE conversation SET step = ?, data = ?, updated_at = ? WHERE citizen_id = ? "
                + "AND updated_at = ?", c.step().name(), json.writeValueAsString(c.data()),
                Timestamp.from(c.updatedAt()), c.citizenId(), Timestamp.from(readAt)) == 1;
    }

    public void save(Conversation c) {
        jdbc.update("""
                INSERT INTO conversation (citizen_id, step, data, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (citizen_id) DO UPDATE SET step = EXCLUDED.step, data = EXCLUDED.data,
                  updated_at = EXCLUDED.updated_at""",
                c.citizenId(), c.step().name(), json.writeValueAsString(c.data()), Timestamp.from(c.updatedAt()));
    }

    /** The conversation follows its citizen to a new id, unless one is already going on there. */
    public void transfer(String fromCitizenId, String toCitizenId) {
        jdbc.update("UPDATE conversation SET citizen_id = ? WHERE citizen_id = ? "
                + "AND NOT EXISTS (SELECT 1 FROM conversation WHERE citizen_id = ?)", toCitizenId, fromCitizenId,
                toCitizenId);
        jdbc.update("DELETE FROM conversation WHERE citizen_id = ?", fromCitizenId);
    }

    /** Citizens whose unfinished task has been idle since before {@code cutoff}. */
    public List<String> idleSince(Instant cutoff) {
        return jdbc.queryForList("SELECT citizen_id FROM conversation WHERE step IN ('FORM', 'CONFIRM', 'VERIFY') "
                + "AND updated_at < ? ORDER BY updated_at LIMIT 200", String.class, Timestamp.from(cutoff));
    }
}
