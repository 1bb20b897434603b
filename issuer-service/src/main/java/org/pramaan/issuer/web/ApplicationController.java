package org.pramaan.issuer.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.credential.Language;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.application.ApplicationStatus;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications: submitted by the bridge, decided by officers and department systems. */
@RestController
@RequestMapping("/api/v1/applications")
public class ApplicationController {

    /** A citizen's form: the service, the chat language, the WhatsApp number and the field values. */
    public record SubmitRequest(String service, String language, String phoneNumber, Map<String, String> fields) {
    }

    /** Why an application is refused, for the citizen. */
    public record RejectRequest(String reason) {
    }

    private final ApplicationService applications;

    public ApplicationController(ApplicationService applications) {
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ApplicationView submit(@RequestBody SubmitRequest request) {
        return ApplicationView.of(applications.submit(submission(request), CurrentCaller.get()));
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

    @GetMapping("/{id}")
    public ApplicationView get(@PathVariable UUID id) {
        return ApplicationView.of(applications.find(id, CurrentCaller.get()));
    }

    @PostMapping("/{id}/approve")
    public ApplicationView approve(@PathVariable UUID id) {
        return ApplicationView.of(applications.approve(id, CurrentCaller.get()));
    }

    @PostMapping("/{id}/reject")
    public ApplicationView reject(@PathVariable UUID id, @RequestBody RejectRequest request) {
        return ApplicationView.of(applications.reject(id, request.reason(), CurrentCaller.get()));
    }

    static ApplicationService.Submission submission(SubmitRequest request) {
        if (request.service() == null) {
            throw new IllegalArgumentException("'service' is required");
        }
        Language language = Language.ofCode(request.language() == null ? "en" : request.language());
        return new ApplicationService.Submission(request.service(), language, request.phoneNumber(),
                request.fields() == null ? Map.of() : request.fields());
    }
}
