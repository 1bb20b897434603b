package org.pramaan.issuer.web;

import org.pramaan.service.problem.Input;
import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.application.ApplicationStatus;
import org.pramaan.issuer.document.DocumentService;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications: submitted by the bridge, decided by officers and department systems. */
@RestController
@RequestMapping("/api/v1/applications")
public class ApplicationController {

    /**
     * A citizen's form: the service ({@code serviceCode}; {@code service} is the older name, still
     * accepted), the chat language, the WhatsApp number, the field values and, optionally, the
     * client's reference for the conversation that makes a retried submission safe, and the supporting documents
     * uploaded for it beforehand ({@code POST /api/v1/applications/documents}).
     */
    public record SubmitRequest(String serviceCode, String service, String language, String phoneNumber,
                                Map<String, String> fields, String channelReference,
                                List<DocumentService.Reference> documents) {
    }

    /** A citizen's applications, for the bridge's "track my application". */
    public record ApplicationList(List<ApplicationSummary> applications) {
    }

    /**
     * Why an application is refused, for the citizen: {@code reasonCode} (DOCUMENTS_MISSING, DETAILS_INCORRECT,
     * NOT_ELIGIBLE, DUPLICATE_APPLICATION, WRONG_OFFICE, OTHER), worded in the citizen's language, and an optional
     * {@code note} (required for OTHER). {@code reason} alone, the older form, is an OTHER with that note.
     */
    public record RejectRequest(String reasonCode, String note, String reason) {
    }

    private final ApplicationService applications;
    private final DocumentService documents;

    public ApplicationController(ApplicationService applications, DocumentService documents) {
        this.applications = applications;
        this.documents = documents;
    }

    /** 201 with the new application; 200 with the first one when this client sent the same channelReference. */
    @PostMapping
    public ResponseEntity<ApplicationView> submit(@RequestBody SubmitRequest request) {
        ApplicationService.Submission form = submission(request);
        // The documents' objects are read back and checked before the application's transaction opens.
        List<DocumentService.Verified> verified = documents.verify(form.serviceCode(), request.documents());
        ApplicationService.Submitted submitted = applications.submit(new ApplicationService.Submission(
                form.serviceCode(), form.language(), form.phoneNumber(), form.fields(), form.channelReference(),
                verified), CurrentCaller.get());
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApplicationView.of(submitted.application(), documents));
    }

    /** The bridge asks for one citizen's applications, newest first; nobody else may look a citizen up by number. */
    @GetMapping(params = "phoneNumber")
    public ApplicationList byPhone(@RequestParam String phoneNumber) {
        return new ApplicationList(applications.byPhone(phoneNumber, CurrentCaller.get(), 50).stream()
                .map(ApplicationSummary::of).toList());
    }

    /** The caller's queue: applications waiting for a decision, oldest first, with their due times. */
    @GetMapping("/queue")
    public List<ApplicationView> queue() {
        Caller caller = CurrentCaller.get();
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        return applications.queue(caller, 100).stream().map(ApplicationView::of).toList();
    }

    /** Applications whose holder name, id or service contains {@code q}, newest first. */
    @GetMapping
    public List<ApplicationView> search(@RequestParam(defaultValue = "") String q,
                                        @RequestParam(required = false) ApplicationStatus status) {
        Caller caller = CurrentCaller.get();
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        return applications.search(q, status, caller, 100).stream().map(ApplicationView::of).toList();
    }

    /** One application, by its id or its reference. */
    @GetMapping("/{id}")
    public ApplicationView get(@PathVariable String id) {
        return ApplicationView.of(applications.find(id, CurrentCaller.get()), documents);
    }

    @PostMapping("/{id}/approve")
    public ApplicationView approve(@PathVariable String id) {
        Caller caller = CurrentCaller.get();
        return ApplicationView.of(applications.approve(applications.find(id, caller).id(), caller), documents);
    }

    @PostMapping("/{id}/reject")
    public ApplicationView reject(@PathVariable String id, @RequestBody RejectRequest request) {
        Caller caller = CurrentCaller.get();
        String note = request.note() != null ? request.note() : request.reason();
        return ApplicationView.of(applications.reject(applications.find(id, caller).id(), request.reasonCode(), note,
                caller), documents);
    }

    static ApplicationService.Submission submission(SubmitRequest request) {
        String code = request.serviceCode() != null ? request.serviceCode() : request.service();
        if (code == null || code.isBlank()) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "'serviceCode' is required");
        }
        if (request.service() != null && request.serviceCode() != null && !request.service().equals(request.serviceCode())) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "'serviceCode' and 'service' name different services");
        }
        Language language = Input.parse("language", () -> Language.ofCode(request.language() == null ? "en"
                : request.language()));
        return new ApplicationService.Submission(code, language, request.phoneNumber(),
                request.fields() == null ? Map.of() : request.fields(), request.channelReference());
    }
}
