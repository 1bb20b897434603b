package org.pramaan.issuer.console;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.catalog.reason.ReasonTexts;
import org.pramaan.catalog.reason.RejectionCode;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.credential.Language;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.application.ApplicationStatus;
import org.pramaan.catalog.Catalog;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.RevocationService;
import org.pramaan.issuer.hold.HoldService;
import org.pramaan.issuer.hold.Holds;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.pramaan.service.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' console: dashboard with the queue, application detail with approve and reject,
 * certificates with revoke. Server-rendered; every form carries the CSRF token.
 */
@Controller
public class ConsoleController {

    private static final int PAGE = 50;

    private final ApplicationService applications;
    private final Certificates certificates;
    private final RevocationService revocations;
    private final HoldService holds;
    private final Holds holdCodes;
    private final Catalog catalog;
    private final Clock clock;

    private final org.pramaan.issuer.anchoring.AnchorQueue anchoring;
    private final org.pramaan.issuer.certificate.LedgerSigners signers;

    public ConsoleController(ApplicationService applications, Certificates certificates, RevocationService revocations,
                             HoldService holds, Holds holdCodes, Catalog catalog, Clock clock,
                             org.pramaan.issuer.anchoring.AnchorQueue anchoring,
                             org.pramaan.issuer.certificate.LedgerSigners signers) {
        this.anchoring = anchoring;
        this.signers = signers;
        this.holds = holds;
        this.holdCodes = holdCodes;
        this.applications = applications;
        this.certificates = certificates;
        this.revocations = revocations;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every console page words decision codes in its own language. */
    @org.springframework.web.bind.annotation.ModelAttribute("reasons")
    ConsoleReasons reasons(Locale locale) {
        return new ConsoleReasons(language(locale));
    }

    @GetMapping("/console/login")
    public String login() {
        return "console/login";
    }

    @GetMapping({"/", "/console"})
    public String dashboard(Model model, Locale locale) {
        Caller caller = CurrentCaller.get();
        Language language = language(locale);
        model.addAttribute("caller", caller);
        model.addAttribute("dashboard", applications.dashboard(caller));
        model.addAttribute("issuedThisWeek", certificates.countIssuedSince(
                caller.allDepartments() ? null : caller.departments().iterator().next(),
                clock.instant().minus(Duration.ofDays(7))));
        model.addAttribute("queue", applications.queue(caller, PAGE).stream()
                .map(a -> ConsoleRows.queueRow(catalog, a, language, clock.instant())).toList());
        // Why approvals are refused, per department, and what anchoring gave up on: an officer sees both here.
        java.util.Map<String, String> signing = new java.util.TreeMap<>();
        signers.departments().stream().filter(caller::mayActFor)
                .forEach(d -> signers.problem(d).ifPresent(p -> signing.put(d.value(), p)));
        model.addAttribute("signingProblems", signing);
        model.addAttribute("parked", caller.allDepartments() ? anchoring.parked(null, PAGE)
                : caller.departments().stream().flatMap(d -> anchoring.parked(d, PAGE).stream()).toList());
        return "console/dashboard";
    }

    @GetMapping("/console/applications")
    public String searchApplications(@RequestParam(defaultValue = "") String q,
                                     @RequestParam(required = false) ApplicationStatus status, Model model, Locale locale) {
        Language language = language(locale);
        model.addAttribute("q", q);
        try {
            model.addAttribute("results", applications.search(q, status, CurrentCaller.get(), PAGE).stream()
                    .map(a -> ConsoleRows.queueRow(catalog, a, language, clock.instant())).toList());
        } catch (RefusalException e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("results", java.util.List.of());
        }
        return "console/applications";
    }

    @GetMapping("/console/applications/{id}")
    public String application(@PathVariable String id, Model model, Locale locale) {
        Application a = applications.find(id, CurrentCaller.get());
        Language language = language(locale);
        model.addAttribute("row", ConsoleRows.queueRow(catalog, a, language, clock.instant()));
        model.addAttribute("fields", ConsoleRows.fields(catalog, a.serviceCode(), a.fields(), language));
        model.addAttribute("rejectionCodes", RejectionCode.values());
        return "console/application";
    }

    /** Approves after the officer confirmed on a second page (a plain form: no script needed). */
    @PostMapping("/console/applications/{id}/approve")
    public String approve(@PathVariable String id, @RequestParam(required = false) String confirmed, Model model,
                          Locale locale, RedirectAttributes redirect) {
        Application a = applications.find(id, CurrentCaller.get());
        if (!"yes".equals(confirmed)) {
            return confirm(model, a, "approve", Map.of(), null, locale);
        }
        return decide(a.id(), redirect, () -> applications.approve(a.id(), CurrentCaller.get()), "approved");
    }

    @PostMapping("/console/applications/{id}/reject")
    public String reject(@PathVariable String id, @RequestParam(defaultValue = "") String code,
                         @RequestParam(required = false) String note, @RequestParam(required = false) String confirmed,
                         Model model, Locale locale, RedirectAttributes redirect) {
        Application a = applications.find(id, CurrentCaller.get());
        RejectionCode reason;
        try {
            reason = RejectionCode.parse(code);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problemKey", "problem.reasonCode");
            return "redirect:/console/applications/" + a.id();
        }
        if (!"yes".equals(confirmed)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("code", reason.name());
            fields.put("note", note == null ? "" : note);
            return confirm(model, a, "reject", fields, ReasonTexts.rejection(reason).in(language(locale).code()), locale);
        }
        return decide(a.id(), redirect, () -> applications.reject(a.id(), reason.name(), note, CurrentCaller.get()),
                "rejected");
    }

    private String confirm(Model model, Application a, String action, Map<String, String> fields, String reason,
                           Locale locale) {
        model.addAttribute("row", ConsoleRows.queueRow(catalog, a, language(locale), clock.instant()));
        model.addAttribute("action", action);
        model.addAttribute("target", "/console/applications/" + a.id() + "/" + action);
        model.addAttribute("back", "/console/applications/" + a.id());
        model.addAttribute("hidden", fields);
        model.addAttribute("reasonText", reason);
        return "console/confirm";
    }

    @GetMapping("/console/certificates")
    public String certificates(@RequestParam(defaultValue = "") String q, Model model) {
        Caller caller = CurrentCaller.get();
        model.addAttribute("q", q);
        model.addAttribute("results", caller.allDepartments() ? certificates.search(null, q, PAGE)
                : caller.departments().stream().flatMap(d -> certificates.search(d, q, PAGE).stream()).toList());
        return "console/certificates";
    }

    @GetMapping("/console/certificates/{id}")
    public String certificate(@PathVariable String id, Model model, Locale locale) {
        Certificate c = visible(id);
        model.addAttribute("certificate", c);
        model.addAttribute("serviceName", ConsoleRows.serviceName(catalog, c.serviceCode(), language(locale)));
        model.addAttribute("fields", ConsoleRows.fields(catalog, c.serviceCode(), c.fields(), language(locale)));
        model.addAttribute("reasonCodes", ReasonCode.values());
        model.addAttribute("holdCodes", HoldCode.values());
        model.addAttribute("holdCode", holdCodes.holdCode(c.id().value()));
        model.addAttribute("pdfReady", certificates.pdfReady(c.id().value()));
        return "console/certificate";
    }

    @GetMapping("/console/certificates/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Certificate c = visible(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + c.id() + ".pdf\"")
                .body(certificates.pdf(c.id().value()).orElseThrow());
    }

    @PostMapping("/console/certificates/{id}/hold")
    public String hold(@PathVariable String id, @RequestParam String code, @RequestParam(required = false) String note,
                       RedirectAttributes redirect) {
        return change(id, redirect, "held", () -> holds.hold(id, code, note, CurrentCaller.get()));
    }

    @PostMapping("/console/certificates/{id}/release")
    public String release(@PathVariable String id, @RequestParam(required = false) String note,
                          RedirectAttributes redirect) {
        return change(id, redirect, "released", () -> holds.release(id, note, CurrentCaller.get()));
    }

    private static String change(String id, RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RefusalException e) {
            shown(e, redirect);
        }
        return "redirect:/console/certificates/" + id;
    }

    /** Revokes after the officer confirmed on a second page, which names the certificate and the reason. */
    @PostMapping("/console/certificates/{id}/revoke")
    public String revoke(@PathVariable String id, @RequestParam(defaultValue = "") String code,
                         @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String confirmed,
                         Model model, Locale locale, RedirectAttributes redirect) {
        Certificate c = visible(id);
        ReasonCode reasonCode = java.util.Arrays.stream(ReasonCode.values()).filter(r -> r.name().equals(code))
                .findFirst().orElse(null);
        if (reasonCode == null) {
            redirect.addFlashAttribute("problemKey", "problem.reasonCode");
            return "redirect:/console/certificates/" + id;
        }
        if (!"yes".equals(confirmed)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("code", reasonCode.name());
            fields.put("reason", reason);
            model.addAttribute("certificate", c);
            model.addAttribute("serviceName", ConsoleRows.serviceName(catalog, c.serviceCode(), language(locale)));
            model.addAttribute("action", "revoke");
            model.addAttribute("target", "/console/certificates/" + c.id() + "/revoke");
            model.addAttribute("back", "/console/certificates/" + c.id());
            model.addAttribute("hidden", fields);
            model.addAttribute("reasonText", ReasonTexts.revocation(reasonCode).in(language(locale).code()));
            return "console/confirm";
        }
        try {
            revocations.revoke(id, code, reason, CurrentCaller.get());
            redirect.addFlashAttribute("notice", "revoked");
        } catch (RefusalException e) {
            shown(e, redirect);
        }
        return "redirect:/console/certificates/" + id;
    }

    private String decide(java.util.UUID id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RefusalException e) {
            shown(e, redirect);
        }
        return "redirect:/console/applications/" + id;
    }

    /** A refusal the officer can act on is shown on the page; "not found" stays the 404 page (ConsoleErrors). */
    private static void shown(RefusalException refusal, RedirectAttributes redirect) {
        if (refusal.code() == ProblemCode.NOT_FOUND) {
            throw refusal;
        }
        redirect.addFlashAttribute("problem", refusal.getMessage());
    }

    private Certificate visible(String id) {
        Caller caller = CurrentCaller.get();
        return certificates.find(id).filter(c -> caller.mayActFor(c.department()))
                .orElseThrow(() -> new NotFoundException("no certificate " + id));
    }

    private static Language language(Locale locale) {
        return switch (locale.getLanguage()) {
            case "te" -> Language.TE;
            case "hi" -> Language.HI;
            default -> Language.EN;
        };
    }
}
