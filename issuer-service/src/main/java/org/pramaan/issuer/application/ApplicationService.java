package org.pramaan.issuer.application;

import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.service.problem.Input;
import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.catalog.reason.RejectionCode;
import org.pramaan.credential.Language;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.issuer.document.DocumentService;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.CertificateIssuer;
import org.pramaan.issuer.certificate.IssueCommand;
import org.pramaan.issuer.certificate.LedgerSigners;
import org.pramaan.issuer.certificate.SigningKeyUnavailableException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Optional;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.Officers;
import org.pramaan.issuer.pdf.CertificateDocument.Signatory;
import org.pramaan.service.problem.NotFoundException;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application use cases: submit (from the bridge), decide (officers, department systems),
 * issue directly (department systems). Approval issues the certificate in the same transaction.
 */
@Service
public class ApplicationService {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);
    private static final String AUTOMATIC = "system:automatic-approval";

    private final Catalog catalog;
    private final Applications applications;
    private final CertificateIssuer issuer;
    private final DeliveryOutbox deliveries;
    private final Clock clock;
    private final FormValidator validator = new FormValidator();

    private final LedgerSigners signers;
    private final TransactionTemplate separately;
    private final Officers officers;
    private final DocumentService documents;

    public ApplicationService(Catalog catalog, Applications applications, CertificateIssuer issuer,
                              DeliveryOutbox deliveries, Clock clock, LedgerSigners signers,
                              PlatformTransactionManager transactions, Officers officers, DocumentService documents) {
        this.documents = documents;
        this.signers = signers;
        this.officers = officers;
        // The citizen's "delayed" notice must outlive the refused approval's rollback.
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.catalog = catalog;
        this.applications = applications;
        this.issuer = issuer;
        this.deliveries = deliveries;
        // PostgreSQL keeps microseconds: an answer given before storing must equal one read back later.
        this.clock = Clock.tick(clock, Duration.ofNanos(1_000));
    }

    /**
     * A citizen's form, as the bridge collected it.
     *
     * @param channelReference the client's own reference for the conversation (may be null): a client
     *                         that submits the same reference again gets the first application back
     */
    public record Submission(String serviceCode, Language language, String phoneNumber, Map<String, String> fields,
                             String channelReference, List<DocumentService.Verified> documents) {

        public Submission {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        /** A form without supporting documents. */
        public Submission(String serviceCode, Language language, String phoneNumber, Map<String, String> fields,
                          String channelReference) {
            this(serviceCode, language, phoneNumber, fields, channelReference, List.of());
        }
    }

    /** The outcome of a submission: the application, and whether this call created it (or found a twin). */
    public record Submitted(Application application, boolean created) {
    }

    @Transactional
    public Submitted submit(Submission submission, Caller caller) {
        caller.requireKind(Caller.Kind.BRIDGE, Caller.Kind.DEPARTMENT_SYSTEM, Caller.Kind.ADMIN);
        SubmittedText.requireClean(submission);
        ServiceDefinition service = certificateService(submission.serviceCode());
        caller.requireDepartment(service.department());
        String reference = submission.channelReference() == null || submission.channelReference().isBlank() ? null
                : submission.channelReference().strip();
        if (reference != null && reference.length() > 200) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "'channelReference' is longer than 200 characters");
        }
        if (reference != null) {
            // Before validation: a retry after a crash must get the first answer even if the form rules changed since.
            var earlier = applications.findByChannelReference(caller.actor(), reference);
            if (earlier.isPresent()) {
                return twin(earlier.get(), service, reference);
            }
        }
        CertificateForm form = service.certificate();
        PhoneNumber phone = phone(submission.phoneNumber(), submission.language());
        FormValidator.Result result = validator.validate(form, submission.fields(), submission.language(), today());
        if (!result.valid()) {
            throw new FormRejectedException(result.problems());
        }
        Application application = Application.submit(service.code(), service.department(), submission.language(),
                phone, result.holderName(), result.stored(), form.serviceLevelDays(), caller.actor(), clock.instant(),
                Correlation.current().orElse(null));
        if (!applications.insert(application, caller.actor(), reference)) {
            // A twin with the same reference committed while this one was being checked.
            return twin(applications.findByChannelReference(caller.actor(), reference).orElseThrow(), service,
                    reference);
        }
        // Their objects were written and read back before this transaction: a stored application has its documents.
        documents.attach(application.id(), submission.documents());
        LOG.info("application {} submitted for {} by {} with {} document(s)", application.id(), service.code(),
                caller.actor(), submission.documents().size());
        if (form.approval() == CertificateForm.Approval.AUTOMATIC) {
            application = applications.find(application.id()).orElseThrow();
            Optional<String> unavailable = signers.problem(service.department());
            if (unavailable.isPresent()) {
                // Stored and waiting for an officer; the citizen hears that the certificate is delayed.
                deliveries.enqueueDelay(application.id(), application.serviceCode(), application.phone().digits(),
                        application.language(), clock.instant());
                LOG.warn("application {} not approved automatically: {}", application.id(), unavailable.get());
            } else {
                approveAndIssue(application, service, AUTOMATIC, null);
            }
        }
        return new Submitted(application, true);
    }

    private static Submitted twin(Application earlier, ServiceDefinition service, String reference) {
        if (!earlier.serviceCode().equals(service.code())) {
            throw new RefusalException(ProblemCode.CONFLICT, "channelReference " + reference + " was used for " + earlier.serviceCode()
                    + " already; a new application needs a new reference");
        }
        LOG.info("application {} submitted again under the same channel reference: answered with the first",
                earlier.id());
        return new Submitted(earlier, false);
    }

    /** A citizen's applications, newest first: only the bridge, which talks to the citizen, may ask. */
    public List<Application> byPhone(String phoneNumber, Caller caller, int limit) {
        caller.requireKind(Caller.Kind.BRIDGE);
        return applications.byPhone(Input.parse("phoneNumber", () -> PhoneNumber.parse(phoneNumber)), limit);
    }

    /**
     * The application named by its id or by its reference (as a person may type it: any case, spaces); 404 for
     * neither, 400 for a reference whose check character does not match.
     */
    public Application find(String idOrReference, Caller caller) {
        String text = idOrReference == null ? "" : idOrReference.strip();
        if (text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return find(UUID.fromString(text), caller);
        }
        ApplicationReference reference = Input.parse("id", () -> ApplicationReference.read(text))
                .orElseThrow(() -> new NotFoundException("no application " + text));
        Application application = applications.findByReference(reference)
                .orElseThrow(() -> new NotFoundException("no application " + reference));
        if (!caller.mayActFor(application.department())) {
            throw new NotFoundException("no application " + reference);
        }
        return application;
    }

    public Application find(UUID id, Caller caller) {
        Application application = applications.find(id)
                .orElseThrow(() -> new NotFoundException("no application " + id));
        if (!caller.mayActFor(application.department())) {
            throw new NotFoundException("no application " + id);
        }
        return application;
    }

    @Transactional
    public Application approve(UUID id, Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        Application application = find(id, caller);
        if (application.certificateId() != null) {
            // Approving again is a retry of an approval that succeeded (the answer may have been lost):
            // the same answer, with the certificate id, instead of a bare 409 the client must look up.
            return application;
        }
        ServiceDefinition service = certificateService(application.serviceCode());
        List<SupportingDocument> missing = documents.missing(application.id(), application.serviceCode());
        if (!missing.isEmpty()) {
            // Approving without what the service requires would be a mistake: reject with DOCUMENTS_MISSING instead.
            throw new RefusalException(ProblemCode.DOCUMENTS_MISSING, "application " + application.id()
                    + " lacks the required document(s) " + missing.stream().map(SupportingDocument::key).toList()
                    + "; it cannot be approved");
        }
        try {
            signers.signer(service.department());
        } catch (SigningKeyUnavailableException e) {
            // Nothing is approved or signed; the citizen is told the certificate is delayed (once).
            separately.executeWithoutResult(s -> deliveries.enqueueDelay(application.id(), application.serviceCode(),
                    application.phone().digits(), application.language(), clock.instant()));
            throw e;
        }
        // The officer who approves is printed on the certificate; a department system's approval names nobody.
        Signatory signatory = caller.kind() == Caller.Kind.OFFICER || caller.kind() == Caller.Kind.ADMIN
                ? officers.signatory(caller.name()).orElse(null) : null;
        approveAndIssue(application, service, caller.actor(), signatory);
        return application;
    }

    /** The longest officer's note kept with a rejection (the column's width). */
    public static final int MAX_NOTE_LENGTH = 500;

    /**
     * Rejects for a reason code (RejectionCode; null reads as OTHER) with the officer's optional note, which
     * OTHER requires.
     */
    @Transactional
    public Application reject(UUID id, String reasonCode, String note, Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        RejectionCode code = reasonCode == null || reasonCode.isBlank() ? RejectionCode.OTHER
                : Input.parse("reasonCode", () -> RejectionCode.parse(reasonCode));
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "the note is longer than " + MAX_NOTE_LENGTH
                    + " characters");
        }
        if (note != null && !note.isBlank()) {
            SubmittedText.requireClean("note", note, org.pramaan.credential.Language.EN);
        }
        Application application = find(id, caller);
        application.reject(caller.actor(), code, note, clock.instant());
        applications.save(application);
        // In the same transaction: the citizen hears of the rejection if and only if it was stored.
        deliveries.enqueueRejection(application.id(), application.serviceCode(), application.phone().digits(),
                application.language(), code.name(), application.decisionReason(), clock.instant());
        LOG.info("application {} rejected by {} ({})", id, caller.actor(), code);
        return application;
    }

    /** A department system certifies a citizen at once, without an officer's review. */
    @Transactional
    public Certificate issueDirectly(Submission submission, Caller caller) {
        caller.requireKind(Caller.Kind.DEPARTMENT_SYSTEM, Caller.Kind.ADMIN);
        SubmittedText.requireClean(submission);
        ServiceDefinition service = certificateService(submission.serviceCode());
        caller.requireDepartment(service.department());
        PhoneNumber phone = phone(submission.phoneNumber(), submission.language());
        FormValidator.Result result = validator.validate(service.certificate(), submission.fields(),
                submission.language(), today());
        if (!result.valid()) {
            throw new FormRejectedException(result.problems());
        }
        Certificate certificate = issuer.issue(new IssueCommand(service, result.holderName(), result.stored(),
                submission.language(), phone, null));
        LOG.info("certificate {} issued directly by {}", certificate.id(), caller.actor());
        return certificate;
    }

    /** The applications waiting for this caller's decision, oldest first. */
    public List<Application> queue(Caller caller, int limit) {
        if (caller.allDepartments()) {
            return applications.queue(null, limit);
        }
        return caller.departments().stream().flatMap(d -> applications.queue(d, limit).stream())
                .sorted(java.util.Comparator.comparing(Application::submittedAt)).limit(limit).toList();
    }

    /** Volumes for the dashboard: applications by status and those past their service level. */
    public Dashboard dashboard(Caller caller) {
        DepartmentCode department = caller.allDepartments() ? null : caller.departments().iterator().next();
        return new Dashboard(applications.countByStatus(department), applications.countOverdue(department, clock.instant()));
    }

    /** Application volumes by status, and how many wait past their service level. */
    public record Dashboard(Map<ApplicationStatus, Long> byStatus, long overdue) {
    }

    /**
     * Applications matching what an officer typed: a reference, a phone number (whole, or its last 4 or more
     * digits), or a holder name part, id prefix or service code. The number is never logged.
     */
    public List<Application> search(String text, ApplicationStatus status, Caller caller, int limit) {
        SubmittedText.requireClean("q", text, org.pramaan.credential.Language.EN);
        // A name can look like a reference ("Sri Venkatesh"): a wrong check character or no such reference
        // searches names as before.
        Optional<Application> byReference = lenientReference(text).flatMap(applications::findByReference)
                .filter(a -> caller.mayActFor(a.department()));
        if (byReference.isPresent()) {
            return byReference.filter(a -> status == null || a.status() == status).stream().toList();
        }
        Optional<String> digits = PhoneSearch.digits(text);
        if (digits.isPresent()) {
            List<Application> found = caller.allDepartments()
                    ? applications.byPhoneDigits(null, digits.get(), limit)
                    : caller.departments().stream()
                            .flatMap(d -> applications.byPhoneDigits(d, digits.get(), limit).stream())
                            .sorted(java.util.Comparator.comparing(Application::submittedAt).reversed()).toList();
            return found.stream().filter(a -> status == null || a.status() == status).limit(limit).toList();
        }
        if (caller.allDepartments()) {
            return applications.search(null, text, status, limit);
        }
        return caller.departments().stream()
                .flatMap(d -> applications.search(d, text, status, limit).stream()).limit(limit).toList();
    }

    private static Optional<ApplicationReference> lenientReference(String text) {
        try {
            return ApplicationReference.read(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void approveAndIssue(Application application, ServiceDefinition service, String actor,
                                 Signatory signatory) {
        application.approve(actor, clock.instant());
        Certificate certificate = issuer.issue(new IssueCommand(service, application.holderName(),
                application.fields(), application.language(), application.phone(), application.id(), signatory));
        application.issued(certificate.id().value(), actor, clock.instant());
        applications.save(application);
        // The officer's request has its own id: name the application's, which its certificate carries on.
        LOG.info("application {} (correlation {}) approved by {}: certificate {}", application.id(),
                application.correlationId(), actor, certificate.id());
    }

    private ServiceDefinition certificateService(String code) {
        ServiceDefinition service = catalog.service(code == null ? "" : code)
                .orElseThrow(() -> new RefusalException(ProblemCode.INVALID_ARGUMENT, "no service " + code + " in the catalog"));
        if (service.certificate() == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "service " + code + " does not issue certificates");
        }
        return service;
    }

    private static PhoneNumber phone(String text, Language language) {
        try {
            return PhoneNumber.parse(text);
        } catch (IllegalArgumentException e) {
            throw new FormRejectedException(List.of(Reasons.problem("phoneNumber", "BAD_PHONE", language)));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CertificateIssuer.INDIA));
    }
}
