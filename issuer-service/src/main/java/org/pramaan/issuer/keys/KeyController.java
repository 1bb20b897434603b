package org.pramaan.issuer.keys;

import org.pramaan.service.problem.Input;
import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The state IT authority's key commands ({@code ./pramaan keys} calls these): admin only, signed in
 * with the admin credential through the same throttled door as every API call; refusals are
 * {@code application/problem+json} ({@link org.pramaan.service.problem.ProblemAnswers}, {@link LedgerProblems}).
 */
@RestController
@RequestMapping("/api/v1/admin/keys")
public class KeyController {

    private final KeyAdministration keys;

    public KeyController(KeyAdministration keys) {
        this.keys = keys;
    }

    /** The body of a revocation: a code from the ledger's closed list and, for a compromise, since when. */
    public record RevokeRequest(String reason, String from) {
    }

    @GetMapping
    public List<KeyView> list(@RequestParam(required = false) String department) {
        admin();
        return keys.list(Optional.ofNullable(department).filter(d -> !d.isBlank())
                .map(d -> Input.parse("department", () -> DepartmentCode.of(d))));
    }

    /** The same listing as a table for people ({@code ./pramaan keys list}). */
    @GetMapping(path = "/table", produces = "text/plain")
    public String table(@RequestParam(required = false) String department) {
        return KeyTable.of(list(department));
    }

    @PostMapping("/{department}/rotate")
    public KeyAdministration.Rotation rotate(@PathVariable String department) {
        admin();
        return keys.rotate(Input.parse("department", () -> DepartmentCode.of(department)));
    }

    @PostMapping("/{department}/{kid}/revoke")
    public KeyAdministration.Revocation revoke(@PathVariable String department, @PathVariable String kid,
                                               @RequestBody RevokeRequest request) {
        admin();
        if (request == null || request.reason() == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "reason is required: one of KEY_COMPROMISE, RETIRED, SUPERSEDED");
        }
        return keys.revoke(Input.parse("department", () -> DepartmentCode.of(department)),
                Input.parse("kid", () -> KeyId.parse(kid)),
                Input.parse("reason", () -> SignerRevocationCode.parse(request.reason())), instant(request.from()));
    }

    /** Re-issues what a revoked key signed from its revocation on, with the current key. */
    @PostMapping("/{department}/{kid}/reissue")
    public KeyAdministration.Reissue reissue(@PathVariable String department, @PathVariable String kid) {
        Caller caller = CurrentCaller.get();
        caller.requireKind(Caller.Kind.ADMIN);
        return keys.reissue(Input.parse("department", () -> DepartmentCode.of(department)),
                Input.parse("kid", () -> KeyId.parse(kid)), caller.actor());
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "from must be an ISO-8601 instant such as 2026-01-31T00:00:00Z: '"
                    + text + "'");
        }
    }

    private static void admin() {
        CurrentCaller.get().requireKind(Caller.Kind.ADMIN);
    }
}
