package org.pramaan.issuer.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.issuer.pdf.CertificateDocument.Signatory;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.pramaan.service.storage.ObjectStore;
import org.pramaan.service.storage.StoredObject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The certificates, stored in {@code issuer.certificate} with their credential bytes; each one's PDF is in the
 * {@link ObjectStore}, the row keeping its key and SHA-256 (checked on every read), once the rendering worker has made
 * it (until then the row has none and a read is refused with {@link PdfPendingException}). Rows from before the object store
 * hold their PDF in the {@code pdf} column until {@link LegacyPdfMover} has moved it.
 */
@Repository
public class Certificates {

    private static final String PDF = "application/pdf";

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = "id, application_id, department, service_code, type, holder_name, language,"
            + " phone_number, fields::text AS fields, issued_at, expires_at, claims_hash, kid, qr_text, status,"
            + " transaction_id, block_number, anchored_at, revoked_at, revocation_code, revocation_reason";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectStore store;
    private final JsonMapper json = JsonMapper.builder().build();

    public Certificates(JdbcClient jdbc, ApplicationEventPublisher events, ObjectStore store) {
        this.jdbc = jdbc;
        this.events = events;
        this.store = store;
    }

    /** Where a certificate's PDF lives in the object store. */
    public static String pdfKey(CertificateId id) {
        return "certificates/" + id.department().value() + "/" + id.value() + ".pdf";
    }

    /**
     * Stores a new certificate and queues it for anchoring: call inside the issuing transaction.
     * Its correlation id is its application's (the trail that began at the citizen's chat), else
     * {@code requestCorrelationId}, the request that issued it directly (may be null).
     *
     * <p>The PDF goes to the object store first: the row that names it commits only after the object is written, so
     * a row never lacks its PDF; a transaction that then rolls back leaves an orphan object, which is harmless.
     *
     * @throws org.pramaan.service.storage.ObjectStoreUnavailableException when the store cannot take it (nothing is
     *                                                                     stored; the caller's transaction rolls back)
     */
    public void insertAndEnqueue(Certificate c, byte[] cose, byte[] pdf, Instant now, String requestCorrelationId) {
        StoredObject stored = store.put(pdfKey(c.id()), pdf, PDF);
        jdbc.sql("INSERT INTO issuer.certificate (id, application_id, department, service_code, type, holder_name,"
                        + " language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text, cose,"
                        + " pdf_key, pdf_sha256, pdf_size, pdf_ready_at, status, correlation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " coalesce((SELECT a.correlation_id FROM issuer.application a WHERE a.id = ?), ?))")
                .params(c.id().value(), c.applicationId(), c.department().value(), c.serviceCode(), c.type(), c.holderName(),
                        c.language().code(), c.phoneNumber(), json.writeValueAsString(c.fields()), ts(c.issuedAt()),
                        ts(c.expiresAt()), c.claimsHash(), c.kid(), c.qrText(), cose, stored.key(), stored.sha256(),
                        Math.toIntExact(stored.size()), ts(now), c.status().name(), c.applicationId(), requestCorrelationId)
                .update();
        enqueueAnchoring(c, now);
    }

    /**
     * Stores a new certificate without its PDF and queues it for anchoring and for rendering (the rendering worker
     * makes the PDF, {@link #recordPdf}): call inside the approving transaction. {@code signatory} (may be null) and
     * {@code holderLatin} (may be null) are kept for the renderer.
     */
    public void insertAndEnqueueRendering(Certificate c, byte[] cose, Signatory signatory, String holderLatin,
                                          Instant now, String requestCorrelationId) {
        jdbc.sql("INSERT INTO issuer.certificate (id, application_id, department, service_code, type, holder_name,"
                        + " language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text, cose,"
                        + " signatory_name, signatory_designation, holder_latin, status, correlation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " coalesce((SELECT a.correlation_id FROM issuer.application a WHERE a.id = ?), ?))")
                .params(c.id().value(), c.applicationId(), c.department().value(), c.serviceCode(), c.type(), c.holderName(),
                        c.language().code(), c.phoneNumber(), json.writeValueAsString(c.fields()), ts(c.issuedAt()),
                        ts(c.expiresAt()), c.claimsHash(), c.kid(), c.qrText(), cose,
                        signatory == null ? null : signatory.name(), signatory == null ? null : signatory.designation(),
                        holderLatin, c.status().name(), c.applicationId(), requestCorrelationId)
                .update();
        enqueueAnchoring(c, now);
        jdbc.sql("INSERT INTO issuer.render_outbox (certificate_id, enqueued_at, next_attempt_at) VALUES (?, ?, ?)")
                .params(c.id().value(), ts(now), ts(now)).update();
        events.publishEvent(new WorkQueued(QueueName.RENDERING));
    }

    private void enqueueAnchoring(Certificate c, Instant now) {
        jdbc.sql("INSERT INTO issuer.anchor_outbox (certificate_id, department, enqueued_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, ?)")
                .params(c.id().value(), c.department().value(), ts(now), ts(now))
                .update();
        events.publishEvent(new WorkQueued(QueueName.ANCHORING));
    }

    /**
     * What the renderer needs of a stored certificate beyond its row: its credential, signatory, Latin name; and
     * whether its PDF exists already (a settle that was lost after the store).
     */
    public record RenderInput(Certificate certificate, byte[] cose, Signatory signatory, String holderLatin,
                              boolean pdfReady) {
    }

    /** The render inputs of a claimed batch, in one statement; certificates that do not exist are left out. */
    public List<RenderInput> renderInputs(List<String> ids) {
        return jdbc.sql("SELECT " + COLUMNS + ", cose, signatory_name, signatory_designation, holder_latin,"
                        + " pdf_key IS NOT NULL OR pdf IS NOT NULL AS pdf_ready FROM issuer.certificate WHERE id = ANY (?)")
                .param((Object) ids.toArray(String[]::new))
                .query((rs, n) -> new RenderInput(row(rs, n), rs.getBytes("cose"),
                        rs.getString("signatory_name") == null ? null
                                : new Signatory(rs.getString("signatory_name"), rs.getString("signatory_designation")),
                        rs.getString("holder_latin"), rs.getBoolean("pdf_ready")))
                .list();
    }

    /**
     * Puts a rendered PDF in the object store under the certificate's own key (a retry writes the same object
     * again), outside any transaction; {@link #recordPdf} then names it in the row.
     */
    public StoredObject storePdf(CertificateId id, byte[] pdf) {
        return store.put(pdfKey(id), pdf, PDF);
    }

    /**
     * Records the stored PDF on a certificate that has none yet, in the settling transaction; the row is locked
     * from here to the commit, so anchoring, settling concurrently, sees whether the PDF exists. False when the row
     * had one already (a repeated settle).
     */
    public boolean recordPdf(String id, StoredObject stored, Instant now) {
        return jdbc.sql("UPDATE issuer.certificate SET pdf_key = ?, pdf_sha256 = ?, pdf_size = ?, pdf_ready_at = ?"
                        + " WHERE id = ? AND pdf_key IS NULL AND pdf IS NULL")
                .params(stored.key(), stored.sha256(), Math.toIntExact(stored.size()), ts(now), id).update() == 1;
    }

    /** A certificate locked for a settling transaction, with whether its PDF exists. */
    public record Locked(Certificate certificate, boolean pdfReady) {
    }

    /**
     * The certificates of {@code ids}, their rows locked until the caller's transaction ends (in id order, so two
     * settles cannot deadlock), each with whether its PDF exists: read after the lock, so a rendering worker settling
     * the same certificate either committed its PDF before (seen here) or sees what this transaction records.
     */
    public List<Locked> lockForSettling(List<String> ids) {
        return jdbc.sql("SELECT " + COLUMNS + ", pdf_key IS NOT NULL OR pdf IS NOT NULL AS pdf_ready"
                        + " FROM issuer.certificate WHERE id = ANY (?) ORDER BY id FOR UPDATE")
                .param((Object) ids.toArray(String[]::new))
                .query((rs, n) -> new Locked(row(rs, n), rs.getBoolean("pdf_ready"))).list();
    }

    /**
     * Stores what {@link Certificate#anchor} recorded on each of {@code anchored} in one statement (a settle of a
     * ledger batch was two statements per certificate); rows anchored already are left as they are.
     */
    public void recordAnchors(List<Certificate> anchored) {
        if (anchored.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE issuer.certificate c SET transaction_id = a.transaction_id, block_number = a.block_number,"
                        + " anchored_at = a.anchored_at, status = a.status"
                        + " FROM unnest(?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[])"
                        + " AS a(id, transaction_id, block_number, anchored_at, status)"
                        + " WHERE c.id = a.id AND c.transaction_id IS NULL")
                .params(anchored.stream().map(c -> c.id().value()).toArray(String[]::new),
                        anchored.stream().map(Certificate::transactionId).toArray(String[]::new),
                        anchored.stream().map(Certificate::blockNumber).toArray(Long[]::new),
                        anchored.stream().map(c -> ts(c.anchoredAt())).toArray(Timestamp[]::new),
                        anchored.stream().map(c -> c.status().name()).toArray(String[]::new))
                .update();
    }

    /** Whether the certificate's PDF exists (in the store, or in its row from before the store); false: no row. */
    public boolean pdfReady(String id) {
        return jdbc.sql("SELECT pdf_key IS NOT NULL OR pdf IS NOT NULL FROM issuer.certificate WHERE id = ?").param(id)
                .query(Boolean.class).optional().orElse(false);
    }

    public Optional<Certificate> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE id = ?").param(id).query(this::row)
                .optional();
    }

    /**
     * The certificate's PDF, from the object store and checked against the SHA-256 its row keeps (or, not yet moved,
     * from the row); empty when there is no such certificate.
     *
     * @throws org.pramaan.service.storage.StoredObjectCorruptException    the stored PDF changed: it is not served
     * @throws org.pramaan.service.storage.ObjectStoreUnavailableException the store cannot be reached
     * @throws PdfPendingException the certificate exists but its PDF is still being rendered
     * @throws org.pramaan.service.problem.NotFoundException a certificate revoked before its PDF could be made
     */
    public Optional<byte[]> pdf(String id) {
        return jdbc.sql("SELECT pdf_key, pdf_sha256, pdf_size, pdf, EXISTS (SELECT 1 FROM issuer.render_outbox r"
                        + " WHERE r.certificate_id = c.id) FROM issuer.certificate c WHERE id = ?").param(id)
                .query((rs, n) -> rs.getString(1) == null ? new PdfRef(null, rs.getBytes(4), rs.getBoolean(5))
                        : new PdfRef(new StoredObject(rs.getString(1), rs.getBytes(2), rs.getLong(3)), null, false))
                .optional()
                .map(ref -> {
                    if (ref.stored() == null && ref.inRow() == null) {
                        if (!ref.rendering()) {
                            throw new org.pramaan.service.problem.NotFoundException("certificate " + id
                                    + " was revoked before its PDF was made: it has none");
                        }
                        throw new PdfPendingException(id);
                    }
                    return ref.stored() == null ? ref.inRow() : store.get(ref.stored());
                });
    }

    /** Where one PDF is: in the store, or (not moved yet) in the row. */
    private record PdfRef(StoredObject stored, byte[] inRow, boolean rendering) {
    }

    public Optional<byte[]> cose(String id) {
        return jdbc.sql("SELECT cose FROM issuer.certificate WHERE id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /** Certificates of a department (null: all) matching an id or holder-name fragment, newest first. */
    public List<Certificate> search(DepartmentCode department, String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase().replace("%", "").replace("_", "")) + "%";
        String dept = department == null ? null : department.value();
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE (?::text IS NULL OR department = ?)"
                        + " AND (lower(id) LIKE ? OR lower(holder_name) LIKE ?) ORDER BY issued_at DESC LIMIT ?")
                .params(dept, dept, like, like, limit).query(this::row).list();
    }

    /** A citizen's certificates, newest first (the bridge's "my certificates"). */
    public List<Certificate> byPhone(String phoneDigits, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.certificate WHERE phone_number = ?"
                        + " ORDER BY issued_at DESC, id LIMIT ?")
                .params(phoneDigits, limit).query(this::row).list();
    }

    /** What the ledger was told beyond the status: the hold code and the replacement, for one phone's certificates. */
    public record Standing(String holdCode, String replacedBy) {
    }

    /** The hold code and replacement of each of a citizen's certificates that has either, by id. */
    public Map<String, Standing> standingByPhone(String phoneDigits) {
        Map<String, Standing> standing = new java.util.HashMap<>();
        jdbc.sql("SELECT id, hold_code, replaced_by FROM issuer.certificate WHERE phone_number = ?"
                        + " AND (hold_code IS NOT NULL OR replaced_by IS NOT NULL)")
                .param(phoneDigits)
                .query((rs, n) -> standing.put(rs.getString(1), new Standing(rs.getString(2), rs.getString(3))))
                .list();
        return standing;
    }

    public long countIssuedSince(DepartmentCode department, Instant since) {
        String dept = department == null ? null : department.value();
        return jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE (?::text IS NULL OR department = ?)"
                        + " AND issued_at >= ?")
                .params(dept, dept, ts(since)).query(Long.class).single();
    }

    /**
     * Stores what {@link Certificate#revoke} recorded, by {@code actor}, and queues the ledger record of it, in the
     * caller's transaction; false when another request revoked it meanwhile (nothing is stored then). The note
     * stays in this table: the outbox carries the code only, as the ledger takes nothing else.
     */
    public boolean recordRevocationAndEnqueue(Certificate c, String actor) {
        boolean changed = jdbc.sql("UPDATE issuer.certificate SET status = 'REVOKED', revoked_at = ?,"
                        + " hold_code = NULL, held_at = NULL,"
                        + " revocation_code = ?, revocation_reason = ?, revoked_by = ? WHERE id = ? AND status <> 'REVOKED'")
                .params(ts(c.revokedAt()), c.revocationCode(), c.revocationReason(), actor, c.id().value())
                .update() == 1;
        if (changed) {
            jdbc.sql("INSERT INTO issuer.revocation_outbox (certificate_id, department, reason_code,"
                            + " enqueued_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)")
                    .params(c.id().value(), c.department().value(), c.revocationCode(), ts(c.revokedAt()),
                            ts(c.revokedAt())).update();
        }
        return changed;
    }

    private Certificate row(ResultSet rs, int n) throws SQLException {
        String transactionId = rs.getString("transaction_id");
        Instant revokedAt = instant(rs.getTimestamp("revoked_at"));
        return Certificate.restore(CertificateId.of(rs.getString("id")), rs.getObject("application_id", UUID.class),
                DepartmentCode.of(rs.getString("department")), rs.getString("service_code"), rs.getString("type"),
                rs.getString("holder_name"), Language.ofCode(rs.getString("language")), rs.getString("phone_number"),
                json.readValue(rs.getString("fields"), FIELDS), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("expires_at")), rs.getString("claims_hash"), rs.getString("kid"),
                rs.getString("qr_text"), CertificateStatus.valueOf(rs.getString("status")),
                transactionId == null ? null : new Certificate.Anchor(transactionId,
                        rs.getObject("block_number", Long.class), instant(rs.getTimestamp("anchored_at"))),
                revokedAt == null ? null : new Certificate.Revocation(revokedAt, rs.getString("revocation_code"),
                        rs.getString("revocation_reason")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
