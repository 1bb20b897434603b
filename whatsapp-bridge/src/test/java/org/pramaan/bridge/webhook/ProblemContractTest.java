package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.FaultyController;
import org.pramaan.service.problem.ProblemCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error contract, through the real bridge: each kind of failure answers {@code application/problem+json}
 * with the {@link ProblemCode}'s status, type and code. (The bridge has no rate limit of its own; Meta paces the
 * webhook. A body over the cap: ChunkedBodyLimitTest checks {@code too-large}.)
 */
class ProblemContractTest extends BridgeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anUnexpectedIllegalStateExceptionIsA500NotA409AndSaysNothingOfItself() throws Exception {
        HttpResponse<String> bug = call("GET", "/internal/v1/test-faults/illegal-state", BRIDGE_TOKEN, null);
        assertProblem(bug, ProblemCode.INTERNAL_ERROR);
        assertThat(bug.body()).doesNotContain(FaultyController.SECRET).doesNotContain("IllegalState");
    }

    @Test
    void aDeliveryNoticeThatIsNotJsonIsInvalidJson() throws Exception {
        assertProblem(call("POST", "/internal/v1/deliveries", BRIDGE_TOKEN, "{not json"), ProblemCode.INVALID_JSON);
    }

    @Test
    void aDeliveryNoticeThatFailsItsChecksListsWhatIsWrong() throws Exception {
        HttpResponse<String> refused = call("POST", "/internal/v1/deliveries", BRIDGE_TOKEN,
                "{\"deliveryId\":\"d-contract\",\"type\":\"LOST\",\"phoneNumber\":\"+91 98\",\"serviceName\":{\"en\":\"x\"}}");
        assertProblem(refused, ProblemCode.INVALID_ARGUMENT);
        assertThat(JSON.readTree(refused.body()).get("errors").toString()).contains("type must be ISSUED");
    }

    @Test
    void withoutTheBridgeTokenTheCallerIsUnauthenticated() throws Exception {
        assertProblem(call("POST", "/internal/v1/deliveries", null, "{}"), ProblemCode.UNAUTHENTICATED);
        assertProblem(call("GET", "/internal/v1/dead-letters", "wrong", null), ProblemCode.UNAUTHENTICATED);
    }

    @Test
    void aWrongWebhookSignatureIsInvalidSignatureAndAWrongVerifyTokenForbidden() throws Exception {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
        assertProblem(postWebhook(body, "sha256=" + "0".repeat(64)), ProblemCode.INVALID_SIGNATURE);
        assertProblem(call("GET", "/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", null, null),
                ProblemCode.FORBIDDEN);
    }

    @Test
    void aSignedNotificationThatCannotBeReadIsInvalidNotification() throws Exception {
        assertProblem(postSigned("{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}"), ProblemCode.INVALID_NOTIFICATION);
    }

    @Test
    void theSimulatorsApiWithoutItsCookieIsForbidden() throws Exception {
        assertProblem(call("GET", "/simulator/api/chat?phone=" + newPhone(), null, null), ProblemCode.FORBIDDEN);
    }

    @Test
    void anAddressThatDoesNotExistIsNotFound() throws Exception {
        assertProblem(call("GET", "/internal/v1/no-such-thing", BRIDGE_TOKEN, null), ProblemCode.NOT_FOUND);
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (!path.startsWith("/webhook")) {
            // Meta's handshake sends no Accept and the webhook answers text/plain; every other caller is a program.
            request.header("Accept", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
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
