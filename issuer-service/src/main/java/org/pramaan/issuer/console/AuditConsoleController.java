package org.pramaan.issuer.console;

import org.pramaan.issuer.audit.AuditFindings;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The ledger audit's findings for the state administrator: every department's mismatches, so the
 * page is the admin's only (an officer sees one department's certificates, not the whole audit).
 */
@Controller
public class AuditConsoleController {

    private static final int SHOWN = 500;

    private final AuditFindings findings;

    public AuditConsoleController(AuditFindings findings) {
        this.findings = findings;
    }

    @GetMapping("/console/audit")
    public String audit(Model model) {
        CurrentCaller.get().requireKind(Caller.Kind.ADMIN);
        model.addAttribute("mismatches", findings.list(SHOWN));
        model.addAttribute("lastPass", findings.lastPass().orElse(null));
        return "console/audit";
    }
}
