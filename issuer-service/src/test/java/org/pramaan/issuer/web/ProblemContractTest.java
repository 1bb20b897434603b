package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.FaultyController;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.problem.ProblemAnswers;
import org.pramaan.service.problem.ProblemCode;
import org.slf4j.LoggerFactory;

/**
 * The one error contract, through the real service: every kind of failure answers {@code application/problem+json}
 * with the {@link ProblemCode}'s status, type and code. (A database outage has its own database to stop:
 * {@code DatabaseOutageTest} checks its {@code database-unavailable} answer; a body over the cap is streamed by
 * {@code ChunkedBodyLimitTest}, which checks {@code too-large}.)
 */
class ProblemContractTest extends IntegrationTest {

    private static final Map<String, Object> INCOME = Map.of("nm", "Kondapalli Ramesh", "ai", "85000",
            "ah", "2341 2341 2346", "pc", "530001");

    @Test
    void anUnexpectedIllegalStateExceptionIsA500NotA409AndSaysNothingOfItself() {
        Answer bug = officer("REV").get("/api/v1/test-faults/illegal-state");
        assertProblem(bug, ProblemCode.INTERNAL_ERROR);
        assertThat(bug.body()).doesNotContain(FaultyController.SECRET).doesNotContain("IllegalState");
    }

    @Test
    void theBugIsLoggedAtErrorWithTheCorrelationId() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProblemAnswers.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            String correlation = "bug-report-" + UUID.randomUUID();
            Answer bug = officer("REV").get("/api/v1/test-faults/illegal-state", Correlation.HEADER, correlation);
            assertProblem(bug, ProblemCode.INTERNAL_ERROR);
            assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.ERROR)
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(correlation));
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void anUnexpectedIllegalArgumentExceptionIsA500NotA400() {
        Answer bug = officer("REV").get("/api/v1/test-faults/illegal-argument");
        assertProblem(bug, ProblemCode.INTERNAL_ERROR);
        assertThat(bug.body()).doesNotContain(FaultyController.SECRET);
    }

    @Test
    void aBodyThatIsNotTheExpectedJsonIsInvalidJson() {
        assertProblem(bridge().post("/api/v1/applications", "not an object"), ProblemCode.INVALID_JSON);
    }

    @Test
    void aFormThatFailsItsChecksListsItsFields() {
        Answer rejected = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "12", "fields", INCOME));
        assertProblem(rejected, ProblemCode.INVALID_FIELDS);
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("phoneNumber");
        assertThat(rejected.json().get("errors").get(0).get("code").asString()).isNotBlank();
    }

    @Test
    void aRefusedValueIsInvalidArgument() {
        assertProblem(bridge().post("/api/v1/applications", Map.of("language", "en", "phoneNumber", "9876543210",
                "fields", INCOME)), ProblemCode.INVALID_ARGUMENT);
    }

    @Test
    void noOrWrongCredentialsAreUnauthenticated() {
        assertProblem(anonymous().post("/api/v1/applications", Map.of()), ProblemCode.UNAUTHENTICATED);
        assertProblem(ApiClient.apiKey(port, "nobody.wrong").get("/api/v1/applications?phoneNumber=9876543210"),
                ProblemCode.UNAUTHENTICATED);
    }

    @Test
    void aCallerWithoutTheRoleIsForbidden() {
        assertProblem(officer("REV").get("/api/v1/admin/keys/REV"), ProblemCode.FORBIDDEN);
    }

    @Test
    void somethingThatDoesNotExistIsNotFound() {
        assertProblem(officer("REV").get("/api/v1/applications/" + UUID.randomUUID()), ProblemCode.NOT_FOUND);
    }

    @Test
    void aTransitionTheStatusDoesNotAllowIsIllegalTransition() {
        String id = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "fields", INCOME)).json().get("id").asString();
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Income proof missing")).status()).isEqualTo(200);
        Answer again = officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        assertProblem(again, ProblemCode.ILLEGAL_TRANSITION);
        assertThat(again.json().get("detail").asString()).contains("REJECTED");
    }

    @Test
    void aReferenceUsedForAnotherServiceIsAConflict() {
        String reference = "contract-" + UUID.randomUUID();
        assertThat(bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "channelReference", reference, "fields", INCOME)).status()).isEqualTo(201);
        Answer other = bridge().post("/api/v1/applications", Map.of("service", "REV-RESIDENCE", "language", "en",
                "phoneNumber", "9876543210", "channelReference", reference,
                "fields", Map.of("nm", "Sita Devi", "vi", "Guntur", "yr", "1999")));
        assertProblem(other, ProblemCode.CONFLICT);
    }

    @Test
    void tooManyFailedSignInsAreRefusedWithRetryAfter() {
        ApiClient guesser = ApiClient.basic(port, "guesser-" + UUID.randomUUID(), "wrong");
        Answer last = null;
        for (int attempt = 0; attempt < 12; attempt++) {
            // Wrong passwords at the token door: the one API address that checks an officer's password.
            last = guesser.post("/api/v1/auth/token", Map.of());
        }
        assertProblem(last, ProblemCode.TOO_MANY_SIGN_INS);
        assertThat(last.header("Retry-After")).isNotBlank();
    }

    static void assertProblem(Answer answer, ProblemCode code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(code.status());
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo(code.code());
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:pramaan:problem:" + code.code());
        assertThat(answer.json().get("status").asInt()).isEqualTo(code.status());
        assertThat(answer.json().get("title").asString()).isEqualTo(code.title());
        assertThat(answer.json().get("detail").asString()).isNotBlank();
    }
}
