package org.pramaan.issuer.application;

import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.catalog.reason.RejectionCode;
import org.pramaan.credential.Language;

/**
 * A citizen's application for a certificate. It owns its transitions, submitted -> approved |
 * rejected, approved -> issued, refuses every other, and records each with who and when.
 */
public final class Application {

    private final UUID id;
    private ApplicationReference reference;
    private final String serviceCode;
    private final DepartmentCode department;
    private final Language language;
    private final PhoneNumber phone;
    private final String holderName;
    private final Map<String, String> fields;
    private final Instant submittedAt;
    private final Instant dueAt;
    private final List<Transition> transitions;
    private final int persistedTransitions;
    private final int version;
    private final String correlationId;
    private ApplicationStatus status;
    private Instant decidedAt;
    private String decisionReason;
    private RejectionCode rejectionCode;
    private String certificateId;

    Application(UUID id, ApplicationReference reference, String serviceCode, DepartmentCode department,
                Language language, PhoneNumber phone, String holderName, Map<String, String> fields,
                ApplicationStatus status, Instant submittedAt, Instant dueAt, Instant decidedAt, String decisionReason,
                RejectionCode rejectionCode, String certificateId, List<Transition> transitions, int version,
                String correlationId) {
        this.id = Objects.requireNonNull(id, "id");
        this.reference = reference;
        this.rejectionCode = rejectionCode;
        this.serviceCode = Objects.requireNonNull(serviceCode, "serviceCode");
        this.department = Objects.requireNonNull(department, "department");
        this.language = Objects.requireNonNull(language, "language");
        this.phone = Objects.requireNonNull(phone, "phone");
        this.holderName = Objects.requireNonNull(holderName, "holderName");
        this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        this.status = Objects.requireNonNull(status, "status");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.decidedAt = decidedAt;
        this.decisionReason = decisionReason;
        this.certificateId = certificateId;
        this.transitions = new ArrayList<>(transitions);
        this.persistedTransitions = transitions.size();
        this.version = version;
        this.correlationId = correlationId;
    }

    /**
     * A new application, due {@code serviceLevelDays} after submission; {@code correlationId} (may be
     * null) is the id its later work logs under, from ledger anchoring to the citizen's notice.
     */
    public static Application submit(String serviceCode, DepartmentCode department, Language language,
                                     PhoneNumber phone, String holderName, Map<String, String> fields,
                                     int serviceLevelDays, String actor, Instant now, String correlationId) {
        Application a = new Application(UUID.randomUUID(), ApplicationReference.random(department), serviceCode,
                department, language, phone, holderName, fields, ApplicationStatus.SUBMITTED, now,
                now.plus(Duration.ofDays(serviceLevelDays)), null, null, null, null, List.of(), 0, correlationId);
        a.transitions.add(new Transition(null, ApplicationStatus.SUBMITTED, actor, now, null, null));
        return a;
    }

    public void approve(String actor, Instant now) {
        move(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, actor, now, null, null);
        decidedAt = now;
    }

    /**
     * Refuses the application for a coded reason the citizen reads in their language, with the officer's note
     * (may be null) beside it; OTHER says nothing by itself, so it needs a note.
     */
    public void reject(String actor, RejectionCode code, String note, Instant now) {
        Objects.requireNonNull(code, "code");
        String kept = note == null || note.isBlank() ? null : note.strip();
        if (code == RejectionCode.OTHER && kept == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT,
                    "a rejection for reason OTHER needs a note the citizen can act on");
        }
        move(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED, actor, now, kept, code.name());
        decidedAt = now;
        decisionReason = kept;
        rejectionCode = code;
    }

    public void issued(String certificateId, String actor, Instant now) {
        move(ApplicationStatus.APPROVED, ApplicationStatus.ISSUED, actor, now, null, null);
        this.certificateId = Objects.requireNonNull(certificateId, "certificateId");
    }

    private void move(ApplicationStatus expected, ApplicationStatus next, String actor, Instant now, String reason,
                      String reasonCode) {
        if (status != expected) {
            throw new IllegalTransitionException("application " + id + " is " + status + "; only a " + expected
                    + " application can become " + next);
        }
        transitions.add(new Transition(status, next, Objects.requireNonNull(actor, "actor"), now, reason,
                reasonCode));
        status = next;
    }

    /** Whether the service level has run out while the application still waits for a decision. */
    public boolean overdue(Instant now) {
        return status == ApplicationStatus.SUBMITTED && now.isAfter(dueAt);
    }

    public UUID id() { return id; }
    /** The short reference people read out; null only for an application stored before references existed. */
    public ApplicationReference reference() { return reference; }
    /** Why it was rejected; null unless it was. */
    public RejectionCode rejectionCode() { return rejectionCode; }
    public String serviceCode() { return serviceCode; }
    public DepartmentCode department() { return department; }
    public Language language() { return language; }
    public PhoneNumber phone() { return phone; }
    public String holderName() { return holderName; }
    public Map<String, String> fields() { return fields; }
    public ApplicationStatus status() { return status; }
    public Instant submittedAt() { return submittedAt; }
    public Instant dueAt() { return dueAt; }
    public Instant decidedAt() { return decidedAt; }
    public String decisionReason() { return decisionReason; }
    public String certificateId() { return certificateId; }
    public String correlationId() { return correlationId; }
    public List<Transition> transitions() { return List.copyOf(transitions); }
    int version() { return version; }
    /** A fresh reference, for the rare new application whose random one another application holds already. */
    void drawAnotherReference() {
        if (persistedTransitions != 0) {
            throw new IllegalStateException("a stored application keeps its reference");
        }
        reference = ApplicationReference.random(department);
    }
    List<Transition> unsavedTransitions() { return transitions.subList(persistedTransitions, transitions.size()); }
    int persistedTransitionCount() { return persistedTransitions; }
}
