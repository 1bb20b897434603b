package org.pramaan.bridge.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files a citizen sent for the form in progress ({@code bridge.form_document}), until the issuer has acknowledged
 * the application that carries them.
 */
@Repository
public class FormDocuments {

    private final JdbcTemplate jdbc;

    public FormDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One received file: which document of which service, its bytes and what they are. */
    public record FormDocument(String documentKey, String serviceCode, byte[] bytes, byte[] sha256, String mimeType,
                               String fileName, Instant receivedAt) {
    }

    /** Keeps a file for a document, replacing one sent before for it. */
    public void save(String citizenId, FormDocument d) {
        jdbc.update("""
                INSERT INTO form_document (citizen_id, document_key, service_code, bytes, sha256, mime_type, file_name,
                  received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (citizen_id, document_key) DO UPDATE SET service_code = EXCLUDED.service_code,
                  bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, mime_type = EXCLUDED.mime_type,
                  file_name = EXCLUDED.file_name, received_at = EXCLUDED.received_at""",
                citizenId, d.documentKey(), d.serviceCode(), d.bytes(), d.sha256(), d.mimeType(), d.fileName(),
                Timestamp.from(d.receivedAt()));
    }

    /** The citizen's files for {@code serviceCode}. */
    public List<FormDocument> of(String citizenId, String serviceCode) {
        return jdbc.query("SELECT document_key, service_code, bytes, sha256, mime_type, file_name, received_at"
                        + " FROM form_document WHERE citizen_id = ? AND service_code = ? ORDER BY received_at",
                (rs, n) -> new FormDocument(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), citizenId, serviceCode);
    }

    public void remove(String citizenId, String documentKey) {
        jdbc.update("DELETE FROM form_document WHERE citizen_id = ? AND document_key = ?", citizenId, documentKey);
    }

    /** Forgets every file the citizen sent (the application was acknowledged, or the form ended). */
    public void clear(String citizenId) {
        jdbc.update("DELETE FROM form_document WHERE citizen_id = ?", citizenId);
    }
}
