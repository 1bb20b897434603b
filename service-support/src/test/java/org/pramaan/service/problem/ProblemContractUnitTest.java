package org.pramaan.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract's codes are stable and distinct, and a filter's answer has the same shape as a controller's. */
class ProblemContractUnitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCodeIsDistinctLowerKebabAndHasARealStatus() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code)).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ProblemCode.values()).allSatisfy(code -> {
            assertThat(HttpStatus.resolve(code.status())).as(code.name()).isNotNull();
            assertThat(code.type()).hasToString("urn:pramaan:problem:" + code.code());
        });
        assertThat(ProblemCode.ILLEGAL_TRANSITION.code()).isEqualTo("illegal-transition");
        assertThat(ProblemCode.INTERNAL_ERROR.status()).isEqualTo(500);
    }

    @Test
    void aFilterWritesTheProblemWithItsCodeAndRetryAfter() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ProblemWriter.write(response, ProblemCode.RATE_LIMITED, "too many requests; retry after 3 s",
                Duration.ofMillis(2_100));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        JsonNode body = JSON.readTree(response.getContentAsString());
        assertThat(body.get("type").asString()).isEqualTo("urn:pramaan:problem:rate-limited");
        assertThat(body.get("title").asString()).isEqualTo("Too many requests");
        assertThat(body.get("status").asInt()).isEqualTo(429);
        assertThat(body.get("detail").asString()).isEqualTo("too many requests; retry after 3 s");
        assertThat(body.get("code").asString()).as("an extension member, not nested").isEqualTo("rate-limited");
    }

    @Test
    void aRefusalCarriesItsExtensionMembersIntoTheAnswer() {
        var answer = Problems.answer(new RefusalException(ProblemCode.INVALID_FIELDS, "some fields are not valid",
                Map.of("errors", java.util.List.of(Map.of("field", "nm"))), Duration.ofSeconds(1), null) { });
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsKeys("code", "errors");
    }

    @Test
    void aValueThatDoesNotParseIsARefusalAtTheEdge() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Input.parse("department", () -> {
            throw new IllegalArgumentException("not a department code: 'x'");
        })).isInstanceOfSatisfying(RefusalException.class, refused -> {
            assertThat(refused.code()).isEqualTo(ProblemCode.INVALID_ARGUMENT);
            assertThat(refused.getMessage()).contains("department", "not a department code");
        });
    }
}
