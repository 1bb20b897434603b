package org.pramaan.issuer.application;

import org.pramaan.issuer.contact.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.catalog.reason.RejectionCode;
import org.pramaan.credential.Language;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The applications, stored in {@code issuer.application} with their transitions. */
@Repository
public class Applications {

    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() { };
    private static final String COLUMNS = "id, service_code, department, language, phone_number, holder_name,"
            + " fields::text AS fields, status, submitted_at, due_at, decided_at, decision_reason, certificate_id, version,"
            + " correlation_id, reference, rejection_code";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(Application a) {
        if (a.persistedTransitionCount() == 0) {
            if (!insert(a, a.transitions().get(0).actor(), null)) {
                throw new IllegalStateException("application " + a.id() + " exists already");
            }
            return;
        }
        int updated = jdbc.sql("UPDATE issuer.application SET status = ?, decided_at = ?, decision_reason = ?,"
                        + " rejection_code = ?, certificate_id = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(a.status().name(), ts(a.decidedAt()), a.decisionReason(),
                        a.rejectionCode() == null ? null : a.rejectionCode().name(), a.certificateId(), a.id(),
                        a.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("application " + a.id() + " was changed meanwhile");
        }
        saveTransitions(a);
    }

    /**
     * Stores a new application submitted by {@code submittedBy} (a caller's actor name) under the
     * client's {@code channelReference} (may be null); false, storing nothing, when that client
     * already submitted one under the same reference (a concurrent twin waits for the first to commit).
     */
    public boolean insert(Application a, String submittedBy, String channelReference) {
        for (int attempt = 1; ; attempt++) {
            int inserted = jdbc.sql("INSERT INTO issuer.application (id, service_code, department, language,"
                            + " phone_number, holder_name, fields, status, submitted_at, due_at, version, submitted_by,"
                            + " channel_reference, correlation_id, reference)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(a.id(), a.serviceCode(), a.department().value(), a.language().code(), a.phone().digits(),
                            a.holderName(), json.writeValueAsString(a.fields()), a.status().name(),
                            ts(a.submittedAt()), ts(a.dueAt()), submittedBy, channelReference, a.correlationId(),
                            a.reference().value())
                    .update();
            if (inserted == 1) {
                saveTransitions(a);
                return true;
            }
            // 40 random bits: among millions of applications a drawn reference is taken now and then; draw again.
            if (attempt < 5 && findByReference(a.reference()).isPresent()) {
                a.drawAnotherReference();
                continue;
            }
            return false;
        }
    }

    /** The application with this reference, if any. */
    public Optional<Application> findByReference(ApplicationReference reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE reference = ?").param(reference.value())
                .query(this::stored).optional().map(this::assemble);
    }

    /**
     * A department's (null: every department's) applications from a phone number: the whole number, or its last
     * {@code digits} (4 or more), newest first. The suffix is looked up through the reversed number's index.
     */
    public List<Application> byPhoneDigits(DepartmentCode department, String digits, int limit) {
        String reversed = new StringBuilder(digits).reverse().toString();
        return assemble(jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE reverse(phone_number) LIKE ?"
                        + " AND (?::text IS NULL OR department = ?) ORDER BY submitted_at DESC, id LIMIT ?")
                .params(reversed + "%", dept(department), dept(department), limit).query(this::stored).list());
    }

    /** Gives up to {@code batch} applications stored before references existed one each; how many it gave. */
    public int giveReferences(int batch) {
        List<Map.Entry<UUID, DepartmentCode>> missing = jdbc.sql("SELECT id, department FROM issuer.application"
                        + " WHERE reference IS NULL LIMIT ?").param(batch)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), DepartmentCode.of(rs.getString("department"))))
                .list();
        int given = 0;
        for (Map.Entry<UUID, DepartmentCode> m : missing) {
            String reference = ApplicationReference.random(m.getValue()).value();
            given += jdbc.sql("UPDATE issuer.application SET reference = ? WHERE id = ? AND reference IS NULL"
                            + " AND NOT EXISTS (SELECT 1 FROM issuer.application WHERE reference = ?)")
                    .params(reference, m.getKey(), reference)
                    .update();
        }
        return given;
    }

    private void saveTransitions(Application a) {
        int seq = a.persistedTransitionCount();
        for (Transition t : a.unsavedTransitions()) {
            jdbc.sql("INSERT INTO issuer.application_transition (application_id, seq, from_status, to_status, actor,"
                            + " at, reason, reason_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.id(), ++seq, t.from() == null ? null : t.from().name(), t.to().name(), t.actor(),
                            ts(t.at()), t.reason(), t.reasonCode())
                    .update();
        }
    }

    /** The application {@code submittedBy} submitted under {@code channelReference}, if any. */
    public Optional<Application> findByChannelReference(String submittedBy, String channelReference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE submitted_by = ?"
                        + " AND channel_reference = ?")
                .params(submittedBy, channelReference).query(this::stored).optional().map(this::assemble);
    }

    /** A citizen's applications, newest first (the bridge's "track my application"). */
    public List<Application> byPhone(PhoneNumber phone, int limit) {
        return assemble(jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE phone_number = ?"
                        + " ORDER BY submitted_at DESC, id LIMIT ?")
                .params(phone.digits(), limit).query(this::stored).list());
    }

    public Optional<Application> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE id = ?").param(id)
                .query(this::stored).optional().map(this::assemble);
    }

    /** A department's (null: every department's) applications waiting for a decision, oldest first. */
    public List<Application> queue(DepartmentCode department, int limit) {
        return assemble(jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE (?::text IS NULL OR department = ?)"
                        + " AND status = 'SUBMITTED' ORDER BY submitted_at, id LIMIT ?")
                .params(dept(department), dept(department), limit).query(this::stored).list());
    }

    /**
     * Applications matching {@code text} (id prefix, holder name part, service code), newest first;
     * {@code department} null searches every department (the admin's view).
     */
    public List<Application> search(DepartmentCode department, String text, ApplicationStatus status, int limit) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase().replace("%", "").replace("_", "")) + "%";
        return assemble(jdbc.sql("SELECT " + COLUMNS + " FROM issuer.application WHERE (?::text IS NULL OR department = ?)"
                        + " AND (?::text IS NULL OR status = ?) AND (lower(holder_name) LIKE ? OR id::text LIKE ?"
                        + " OR lower(service_code) LIKE ?) ORDER BY submitted_at DESC LIMIT ?")
                .params(dept(department), dept(department), status == null ? null : status.name(),
                        status == null ? null : status.name(), like, like, like, limit)
                .query(this::stored).list());
    }

    /** Counts per status for one department (or all), for the dashboard. */
    public Map<ApplicationStatus, Long> countByStatus(DepartmentCode department) {
        Map<ApplicationStatus, Long> counts = new java.util.EnumMap<>(ApplicationStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM issuer.application WHERE (?::text IS NULL OR department = ?)"
                        + " GROUP BY status")
                .params(dept(department), dept(department))
                .query((rs, n) -> Map.entry(ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Applications still waiting after their service level ran out. */
    public long countOverdue(DepartmentCode department, Instant now) {
        return jdbc.sql("SELECT count(*) FROM issuer.application WHERE (?::text IS NULL OR department = ?)"
                        + " AND status = 'SUBMITTED' AND due_at < ?")
                .params(dept(department), dept(department), ts(now)).query(Long.class).single();
    }

    /** An application's own columns, before its transitions are attached. */
    private record Stored(UUID id, String serviceCode, DepartmentCode department, Language language, PhoneNumber phone,
                          String holderName, Map<String, String> fields, ApplicationStatus status, Instant submittedAt,
                          Instant dueAt, Instant decidedAt, String decisionReason, String certificateId, int version,
                          String correlationId, ApplicationReference reference, RejectionCode rejectionCode) {
    }

    private Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getString("service_code"),
                DepartmentCode.of(rs.getString("department")), Language.ofCode(rs.getString("language")),
                new PhoneNumber(rs.getString("phone_number")), rs.getString("holder_name"),
                json.readValue(rs.getString("fields"), FIELDS), ApplicationStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"), rs.getString("certificate_id"),
                rs.getInt("version"), rs.getString("correlation_id"),
                rs.getString("reference") == null ? null : new ApplicationReference(rs.getString("reference")),
                rs.getString("rejection_code") == null ? null : RejectionCode.parse(rs.getString("rejection_code")));
    }

    private Application assemble(Stored a) {
        return assemble(List.of(a)).get(0);
    }

    /** Attaches every listed application's transitions with one query, not one per application. */
    private List<Application> assemble(List<Stored> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Transition>> transitions = new java.util.HashMap<>();
        jdbc.sql("SELECT application_id, from_status, to_status, actor, at, reason, reason_code"
                        + " FROM issuer.application_transition"
                        + " WHERE application_id = ANY(?) ORDER BY application_id, seq")
                .param(stored.stream().map(Stored::id).toArray(UUID[]::new))
                .query((t, i) -> transitions.computeIfAbsent(t.getObject("application_id", UUID.class),
                        id -> new java.util.ArrayList<>()).add(new Transition(
                        t.getString("from_status") == null ? null : ApplicationStatus.valueOf(t.getString("from_status")),
                        ApplicationStatus.valueOf(t.getString("to_status")), t.getString("actor"),
                        t.getTimestamp("at").toInstant(), t.getString("reason"), t.getString("reason_code"))))
                .list();
        return stored.stream().map(a -> new Application(a.id(), a.reference(), a.serviceCode(), a.department(),
                a.language(), a.phone(), a.holderName(), a.fields(), a.status(), a.submittedAt(), a.dueAt(),
                a.decidedAt(), a.decisionReason(), a.rejectionCode(), a.certificateId(),
                transitions.getOrDefault(a.id(), List.of()), a.version(), a.correlationId())).toList();
    }

    private static String dept(DepartmentCode department) {
        return department == null ? null : department.value();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
