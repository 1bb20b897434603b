package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.verifier.apikey.ApiKeyRole;
import org.pramaan.verifier.support.FaultyController;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The one error contract, through the real verifier: each kind of failure an API client can meet answers
 * {@code application/problem+json} with the {@link ProblemCode}'s status, type and code. (Browsers keep their HTML
 * pages: PageAnswersTest. A database outage: the issuer's DatabaseOutageTest drives the shared answer. A body over
 * the cap: ChunkedBodyLimitTest checks {@code too-large}.)
 */
class ProblemContractTest extends VerifierIntegrationTest {

    @Test
    void anUnexpectedIllegalStateExceptionIsA500NotA409AndSaysNothingOfItself() throws Exception {
        HttpResponse<String> bug = send("GET", "/api/v1/test-faults/illegal-state", null, null);
        assertProblem(bug, ProblemCode.INTERNAL_ERROR);
        assertThat(bug.body()).doesNotContain(FaultyController.SECRET).doesNotContain("IllegalState");
    }

    @Test
    void anUnexpectedIllegalArgumentExceptionIsA500NotA400() throws Exception {
        HttpResponse<String> bug = send("GET", "/api/v1/test-faults/illegal-argument", null, null);
        assertProblem(bug, ProblemCode.INTERNAL_ERROR);
        assertThat(bug.body()).doesNotContain(FaultyController.SECRET);
    }

    @Test
    void aBodyThatIsNotJsonIsInvalidJson() throws Exception {
        assertProblem(postJson("/api/v1/verify", "{", "en"), ProblemCode.INVALID_JSON);
    }

    @Test
    void aRequestWithoutItsFieldIsABadRequest() throws Exception {
        assertProblem(postJson("/api/v1/verify", "{}", "en"), ProblemCode.BAD_REQUEST);
    }

    @Test
    void aRefusedValueIsInvalidArgument() throws Exception {
        String admin = apiKeys.issue("contract-admin", ApiKeyRole.ADMIN, 100).secret();
        assertProblem(send("POST", "/api/v1/admin/api-keys", admin, "{\"name\":\"\"}"), ProblemCode.INVALID_ARGUMENT);
    }

    @Test
    void anUnknownKeyOrNoneWhereOneIsNeededIsUnauthenticated() throws Exception {
        assertProblem(send("POST", "/api/v1/verify", "not-a-key", "{\"qr\":\"x\"}"), ProblemCode.UNAUTHENTICATED);
        assertProblem(send("GET", "/api/v1/admin/api-keys", null, null), ProblemCode.UNAUTHENTICATED);
    }

    @Test
    void aClientKeyOnTheAdministratorsApiIsForbidden() throws Exception {
        assertProblem(send("GET", "/api/v1/admin/api-keys", clientKey(), null), ProblemCode.FORBIDDEN);
    }

    @Test
    void whatDoesNotExistIsNotFound() throws Exception {
        String admin = apiKeys.issue("contract-admin-2", ApiKeyRole.ADMIN, 100).secret();
        assertProblem(send("DELETE", "/api/v1/admin/api-keys/" + UUID.randomUUID(), admin, null), ProblemCode.NOT_FOUND);
        assertProblem(send("GET", "/api/v1/no-such-thing", null, null), ProblemCode.NOT_FOUND);
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() throws Exception {
        assertProblem(send("GET", "/api/v1/verify", clientKey(), null), ProblemCode.METHOD_NOT_ALLOWED);
    }

    @Test
    void aSpentBudgetIsRateLimitedWithRetryAfterAndABatchOverTheAllowanceOverAllowance() throws Exception {
        String slow = apiKeys.issue("contract-slow", ApiKeyRole.CLIENT, 1).secret();
        String body = JSON.writeValueAsString(Map.of("qrs", List.of("a", "b")));
        assertProblem(send("POST", "/api/v1/verify/batch", slow, body), ProblemCode.OVER_ALLOWANCE);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 3; i++) {
            limited = send("POST", "/api/v1/verify", slow, "{\"qr\":\"x\"}");
        }
        assertProblem(limited, ProblemCode.RATE_LIMITED);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> send(String method, String path, String apiKey, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> answer, ProblemCode code) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(code.status());
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.body())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("code").asString()).isEqualTo(code.code());
        assertThat(problem.get("type").asString()).isEqualTo("urn:pramaan:problem:" + code.code());
        assertThat(problem.get("status").asInt()).isEqualTo(code.status());
        assertThat(problem.get("title").asString()).isEqualTo(code.title());
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
