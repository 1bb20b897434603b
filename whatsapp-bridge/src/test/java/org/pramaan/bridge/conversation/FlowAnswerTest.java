package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FlowAnswerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode nfmReply(String responseJson) {
        ObjectNode reply = JSON.createObjectNode().put("name", "flow").put("body", "Sent");
        if (responseJson != null) {
            reply.put("response_json", responseJson);
        }
        return reply;
    }

    @Test
    void readsTheTokensServiceCodeAndTheScalarAnswers() {
        FlowAnswer answer = FlowAnswer.from(nfmReply("""
                {"flow_token":"REV-INCOME:7f3c","nm":"Kondapalli Ramesh","ai":96000,"ok":true,
                 "docs":["a","b"],"nested":{"x":1},"gone":null}""")).orElseThrow();
        assertThat(answer.serviceCode()).isEqualTo("REV-INCOME");
        assertThat(answer.fields()).containsOnly(
                java.util.Map.entry("nm", "Kondapalli Ramesh"), java.util.Map.entry("ai", "96000"),
                java.util.Map.entry("ok", "true"));
    }

    @Test
    void aTokenWithoutSuffixIsTheServiceCode() {
        assertThat(FlowAnswer.from(nfmReply("{\"flow_token\":\"MAUD-BIRTH\",\"nm\":\"L\"}")))
                .hasValueSatisfying(a -> assertThat(a.serviceCode()).isEqualTo("MAUD-BIRTH"));
    }

    @Test
    void unusableAnswersAreNoAnswer() {
        assertThat(FlowAnswer.from(nfmReply(null))).isEmpty();
        assertThat(FlowAnswer.from(nfmReply("not json"))).isEmpty();
        assertThat(FlowAnswer.from(nfmReply("[1,2]"))).isEmpty();
        assertThat(FlowAnswer.from(nfmReply("{\"nm\":\"no token\"}"))).isEmpty();
        assertThat(FlowAnswer.from(nfmReply("{\"flow_token\":\"rev income; drop\"}"))).isEmpty();
        assertThat(FlowAnswer.from(JSON.createObjectNode().set("response_json", JSON.createObjectNode())))
                .as("response_json must be a JSON string, as Meta sends it").isEmpty();
    }
}
