package org.pramaan.bridge.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
public class Citizens {

    private static final RowMapper<Citizen> ROW = (rs, n) -> new Citizen(rs.getString("id"), rs.getString("phone"),
            rs.getString("user_id"), rs.getString("display_name"),
            Language.fromCode(rs.getString("language")).orElse(null),
            rs.getTimestamp("last_inbound_at") == null ? null : rs.getTimestamp("last_inbound_at").toInstant());

    private final JdbcTemplate jdbc;

    public Citizens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an inbound message: creates the citizen on first contact, keeps the newest message time. */
    public Citizen noteInbound(String phone, String userId, String displayName, Instant at) {
        String id = phone != null ? phone : userId;
        jdbc.update("""
                INSERT INTO citizen (id, phone, user_id, display_name, last_inbound_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET
                  user_id = COALESCE(EXCLUDED.user_id, citizen.user_id),
                  display_name = COALESCE(EXCLUDED.display_name, citizen.display_name),
                  last_inbound_at = GREATEST(citizen.last_inbound_at, EXCLUDED.last_inbound_at)""",
                id, phone, userId, displayName, Timestamp.from(at));
        return find(id).orElseThrow();
    }

    /**
     * The citizen as {@link #noteInbound} will leave them, without writing: a chat turn is worked before its writes
     * (this one among them) are made in one short transaction.
     */
    public Citizen afterInbound(String phone, String userId, String displayName, Instant at) {
        String id = phone != null ? phone : userId;
        return find(id).map(known -> new Citizen(id, known.phone(), userId != null ? userId : known.userId(),
                        displayName != null ? displayName : known.displayName(), known.language(),
                        known.lastInboundAt() == null || known.lastInboundAt().isBefore(at) ? at
                                : known.lastInboundAt()))
                .orElseGet(() -> new Citizen(id, phone, userId, displayName, null, at));
    }

    /** A citizen known only from an issuer notification (no message yet, so no open window). */
    public Citizen ensure(String phone, Language language) {
        jdbc.update("INSERT INTO citizen (id, phone, language) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                phone, phone, language == null ? null : language.code());
        return find(phone).orElseThrow();
    }

    public Optional<Citizen> find(String id) {
        return jdbc.query("SELECT * FROM citizen WHERE id = ?", ROW, id).stream().findFirst();
    }

    /**
     * Makes {@code newId} the citizen {@code oldId} was: their profile and language go with them (an existing record
     * under the new id keeps what it has), and the old id is left blank for whoever holds that number next.
     */
    public Citizen transfer(String oldId, String newId, String newPhone, String newUserId) {
        jdbc.update("""
                INSERT INTO citizen (id, phone, user_id, display_name, language, last_inbound_at)
                SELECT ?, ?, COALESCE(?, user_id), display_name, language, last_inbound_at FROM citizen WHERE id = ?
                ON CONFLICT (id) DO UPDATE SET
                  phone = COALESCE(EXCLUDED.phone, citizen.phone),
                  user_id = COALESCE(EXCLUDED.user_id, citizen.user_id),
                  display_name = COALESCE(citizen.display_name, EXCLUDED.display_name),
                  language = COALESCE(citizen.language, EXCLUDED.language),
                  last_inbound_at = GREATEST(citizen.last_inbound_at, EXCLUDED.last_inbound_at)""",
                newId, newPhone, newUserId, oldId);
        if (!oldId.equals(newId)) {
            jdbc.update("UPDATE citizen SET user_id = NULL, display_name = NULL, language = NULL, "
                    + "last_inbound_at = NULL WHERE id = ?", oldId);
        }
        return find(newId).orElseThrow();
    }

    public void chooseLanguage(String id, Language language) {
        jdbc.update("UPDATE citizen SET language = ? WHERE id = ?", language.code(), id);
    }
}
