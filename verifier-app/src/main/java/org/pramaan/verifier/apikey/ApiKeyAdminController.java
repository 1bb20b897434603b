package org.pramaan.verifier.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issues, lists and revokes API keys; administrators only (see the security configuration). */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
@Tag(name = "API keys", description = "for administrators: keys for banks, employers and the bridge")
public class ApiKeyAdminController {

    private final ApiKeys keys;

    public ApiKeyAdminController(ApiKeys keys) {
        this.keys = keys;
    }

    /** {@code role} defaults to CLIENT, {@code perMinute} to 600. */
    public record NewKey(String name, ApiKeyRole role, Integer perMinute) {
    }

    public record CreatedKey(UUID id, String name, ApiKeyRole role, int perMinute, String key) {
    }

    @PostMapping
    @Operation(summary = "Issue a key; the secret is in this answer only")
    public ResponseEntity<CreatedKey> issue(@RequestBody NewKey request) {
        IssuedApiKey issued = keys.issue(request.name(), request.role() == null ? ApiKeyRole.CLIENT : request.role(),
                request.perMinute() == null ? 600 : request.perMinute());
        ApiKeyHolder holder = issued.holder();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedKey(holder.id(), holder.name(), holder.role(), holder.perMinute(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "Every key with its usage count; never the secrets")
    public Map<String, List<ApiKeySummary>> list() {
        return Map.of("keys", keys.list());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key; effective within seconds")
    public ResponseEntity<Void> revoke(@PathVariable("id") UUID id) {
        if (!keys.revoke(id)) {
            throw new RefusalException(ProblemCode.NOT_FOUND, "no API key " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
