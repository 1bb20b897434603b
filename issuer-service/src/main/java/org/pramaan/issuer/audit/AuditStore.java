package org.pramaan.issuer.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit's tables and its view of {@code issuer.certificate}: certificates in id byte order (the
 * ledger's key order) a range at a time, the cursor of the pass, and the mismatches found.
 */
public final class AuditStore {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = "c.id, c.department, c.type, c.holder_name, c.language, c.fields::text AS fields,"
            + " c.issued_at, c.expires_at, c.claims_hash, c.kid, c.status, c.hold_code, c.revocation_code,"
            + " EXISTS (SELECT 1 FROM issuer.anchor_outbox a WHERE a.certificate_id = c.id) AS awaiting_anchor,"
            + " (EXISTS (SELECT 1 FROM issuer.revocation_outbox r WHERE r.certificate_id = c.id)"
            + "  OR EXISTS (SELECT 1 FROM issuer.hold_outbox h WHERE h.certificate_id = c.id)) AS write_pending";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The cursor of the pass under way, locked until the caller's transaction ends: one auditor at a time. */
    Cursor lockCursor() {
        return jdbc.sql("SELECT department, after_id, pass_started_at, pass_certificates FROM issuer.audit_cursor"
                        + " WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Cursor(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getLong(4)))
                .single();
    }

    void saveCursor(Cursor cursor) {
        jdbc.sql("UPDATE issuer.audit_cursor SET department = ?, after_id = ?, pass_started_at = ?, pass_certificates = ?"
                        + " WHERE id = 1")
                .params(cursor.department(), cursor.afterId(), ts(cursor.passStartedAt()), cursor.certificates())
                .update();
    }

    void completePass(Cursor finished, Instant at) {
        jdbc.sql("UPDATE issuer.audit_cursor SET department = NULL, after_id = NULL, pass_started_at = NULL,"
                        + " pass_certificates = 0, last_pass_started_at = ?, last_pass_completed_at = ?,"
                        + " last_pass_certificates = ? WHERE id = 1")
                .params(ts(finished.passStartedAt()), ts(at), finished.certificates())
                .update();
    }

    Optional<LastPass> lastPass() {
        return jdbc.sql("SELECT last_pass_started_at, last_pass_completed_at, last_pass_certificates"
                        + " FROM issuer.audit_cursor WHERE id = 1 AND last_pass_completed_at IS NOT NULL")
                .query((rs, n) -> new LastPass(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getLong(3)))
                .optional();
    }

    /** The departments the issuer holds certificates of, in code order. */
    List<String> storedDepartments() {
        return jdbc.sql("SELECT DISTINCT department FROM issuer.certificate ORDER BY 1").query(String.class).list();
    }

    /**
     * Certificates with ids after {@code after} and up to {@code through} (inclusive) or, when
     * {@code through} is null, before {@code end} (exclusive), in id byte order, at most {@code limit}.
     */
    List<StoredCertificate> range(String after, String through, String end, int limit) {
        String upper = through != null ? "c.id COLLATE \"C\" <= ?" : "c.id COLLATE \"C\" < ?";
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate c WHERE c.id COLLATE \"C\" > ? AND " + upper
                        + " ORDER BY c.id COLLATE \"C\" LIMIT ?")
                .params(after, through != null ? through : end, limit).query(this::row).list();
    }

    Optional<StoredCertificate> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate c WHERE c.id = ?").param(id).query(this::row)
                .optional();
    }

    /** Replaces what was found for ids after {@code after} up to {@code upper} ({@code inclusive} or not). */
    void replaceMismatches(String after, String upper, boolean inclusive, List<Mismatch> found, Instant at) {
        jdbc.sql("DELETE FROM issuer.audit_mismatch WHERE certificate_id COLLATE \"C\" > ? AND certificate_id COLLATE \"C\" "
                        + (inclusive ? "<=" : "<") + " ?")
                .params(after, upper).update();
        for (Mismatch m : found) {
            jdbc.sql("INSERT INTO issuer.audit_mismatch (certificate_id, kind, department, detail, found_at)"
                            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (certificate_id, kind) DO UPDATE SET detail = EXCLUDED.detail,"
                            + " found_at = EXCLUDED.found_at")
                    .params(m.certificateId(), m.kind().label(), m.department(), truncate(m.detail()), ts(at)).update();
        }
    }

    /** Drops what was found for departments no longer audited. */
    void forgetOtherDepartments(List<String> departments) {
        jdbc.sql("DELETE FROM issuer.audit_mismatch WHERE NOT (department = ANY (?))")
                .param(departments.toArray(String[]::new)).update();
    }

    Map<MismatchKind, Long> counts() {
        Map<MismatchKind, Long> counts = new EnumMap<>(MismatchKind.class);
        for (MismatchKind kind : MismatchKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("SELECT kind, count(*) FROM issuer.audit_mismatch GROUP BY kind")
                .query(rs -> {
                    counts.put(MismatchKind.ofLabel(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The mismatches in id order, at most {@code limit}. */
    public List<Found> mismatches(int limit) {
        return jdbc.sql("SELECT certificate_id, kind, department, detail, found_at FROM issuer.audit_mismatch"
                        + " ORDER BY certificate_id COLLATE \"C\", kind LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Found(new Mismatch(MismatchKind.ofLabel(rs.getString(2)), rs.getString(1),
                        rs.getString(3), rs.getString(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    private StoredCertificate row(ResultSet rs, int n) throws SQLException {
        return new StoredCertificate(rs.getString("id"), rs.getString("department"), rs.getString("type"),
                rs.getString("holder_name"), rs.getString("language"), json.readValue(rs.getString("fields"), FIELDS),
                instant(rs.getTimestamp("issued_at")), instant(rs.getTimestamp("expires_at")),
                rs.getString("claims_hash"), rs.getString("kid"), rs.getString("status"), rs.getString("hold_code"),
                rs.getString("revocation_code"), rs.getBoolean("awaiting_anchor"), rs.getBoolean("write_pending"));
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    /** Where the pass under way stopped: after {@code afterId} in {@code department}; no pass when {@code passStartedAt} is null. */
    record Cursor(String department, String afterId, Instant passStartedAt, long certificates) {
    }

    /** The last complete pass. */
    public record LastPass(Instant startedAt, Instant completedAt, long certificates) {
    }

    /** A mismatch as stored, with when it was found. */
    public record Found(Mismatch mismatch, Instant foundAt) {
    }
}
