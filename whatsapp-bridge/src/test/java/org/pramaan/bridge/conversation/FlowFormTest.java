package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A department's WhatsApp Flow fills the chat form at once; its answers are checked like typed ones. */
class FlowFormTest extends BridgeIntegrationTest {

    private void flow(String phone, String responseJson) {
        ObjectNode message = WebhookPayloads.message(phone, null, wamid(), Instant.now(), "interactive");
        ObjectNode interactive = message.putObject("interactive");
        interactive.put("type", "nfm_reply");
        interactive.putObject("nfm_reply").put("name", "flow").put("body", "Sent").put("response_json", responseJson);
        send(phone, message);
    }

    private int start(String phone) {
        say(phone, "hi");
        tap(phone, "lang:en");
        return awaitMessages(phone, 3).size();
    }

    @Test
    void validAnswersAreKeptAWrongOneIsExplainedAndAskedAgainThenTheSummary() {
        String phone = newPhone();
        int seen = start(phone);
        flow(phone, """
                {"flow_token":"REV-INCOME:f1","nm":"Kondapalli Ramesh","ai":"ninety thousand",
                 "ah":"2341 2341 2346","ct":"RURAL"}""");
        String problems = bodyText(next(phone, seen++));
        assertThat(problems).contains("need fixing", "Annual income").doesNotContain("Applicant name");
        assertThat(bodyText(next(phone, seen++))).contains("Question 2 of 4", "Annual income");
        say(phone, "96000");
        JsonNode summary = next(phone, seen);
        assertThat(bodyText(summary)).contains("Kondapalli Ramesh", "96000", "XXXX XXXX 2346")
                .doesNotContain("2341 2341 2346");
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");
    }

    @Test
    void aCompleteValidAnswerGoesStraightToTheSummaryAndSubmits() {
        String phone = newPhone();
        int seen = start(phone);
        flow(phone, """
                {"flow_token":"REV-INCOME","nm":"Flow Applicant","ai":96000,"ah":"2341 2341 2346","ct":"URBAN"}""");
        JsonNode summary = next(phone, seen++);
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");
        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen))).contains("is submitted");
        assertThat(ISSUER.submissions).anyMatch(s -> s.path("phoneNumber").asString().equals(phone)
                && s.path("fields").path("nm").asString().equals("Flow Applicant")
                && s.path("fields").path("ai").asString().equals("96000"));
    }

    @Test
    void aFlowForAnUnknownServiceOrWithoutATokenGetsAPoliteAnswer() {
        String phone = newPhone();
        int seen = start(phone);
        flow(phone, "{\"flow_token\":\"NO-SUCH-SERVICE\",\"nm\":\"X\"}");
        assertThat(bodyText(next(phone, seen++))).contains("not available on WhatsApp");
        flow(phone, "{\"nm\":\"no token\"}");
        assertThat(bodyText(next(phone, seen))).contains("cannot read this kind of message");
    }
}
