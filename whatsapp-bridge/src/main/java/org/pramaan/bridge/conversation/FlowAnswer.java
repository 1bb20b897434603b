package org.pramaan.bridge.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WhatsApp Flow's answer ({@code interactive.nfm_reply}): {@code response_json} is a JSON string holding the
 * {@code flow_token} the Flow was sent with and the form's fields. A department that builds a Flow for one of its
 * services sends it with the service code as the token ({@code REV-INCOME}, optionally {@code REV-INCOME:<anything>})
 * and names the Flow's fields by the catalog's field keys; the answers then fill the chat form at once.
 *
 * @param serviceCode the token's service code part
 * @param fields      the scalar answers by field key, as text (lists and objects are not form answers)
 */
public record FlowAnswer(String serviceCode, Map<String, String> fields) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Far beyond any catalog form; a bound so a forged answer cannot make the bot work through thousands. */
    private static final int MAX_FIELDS = 100;

    /** The answer, or empty when {@code response_json} is missing, not JSON, or has no usable token. */
    public static Optional<FlowAnswer> from(JsonNode nfmReply) {
        JsonNode raw = nfmReply.get("response_json");
        if (raw == null || !raw.isString()) {
            return Optional.empty();
        }
        JsonNode response;
        try {
            response = JSON.readTree(raw.asString());
        } catch (JacksonException e) {
            return Optional.empty();
        }
        String token = response.path("flow_token").asString("");
        String serviceCode = token.contains(":") ? token.substring(0, token.indexOf(':')) : token;
        if (!response.isObject() || !serviceCode.matches("[A-Z0-9-]{2,40}")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : response.properties()) {
            if (!"flow_token".equals(e.getKey()) && e.getValue().isValueNode() && !e.getValue().isNull()
                    && fields.size() < MAX_FIELDS) {
                fields.put(e.getKey(), e.getValue().asString());
            }
        }
        return Optional.of(new FlowAnswer(serviceCode, Map.copyOf(fields)));
    }
}
