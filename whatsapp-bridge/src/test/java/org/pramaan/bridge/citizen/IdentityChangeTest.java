package org.pramaan.bridge.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IdentityChangeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Citizen BY_PHONE = new Citizen("919800000001", "919800000001", "IN.1", null, null, null);
    private static final Citizen BY_USER_ID = new Citizen("IN.1", null, "IN.1", null, null, null);

    private static JsonNode system(String json) {
        return JSON.readTree(json);
    }

    @Test
    void aNumberChangeNamesTheNewNumberInWaId() {
        IdentityChange change = IdentityChange.from(system("""
                {"body":"User R changed from 919800000001 to 919800000002","wa_id":"919800000002",
                 "user_id":"IN.2","type":"user_changed_number"}""")).orElseThrow();
        assertThat(change.newPhone()).isEqualTo("919800000002");
        assertThat(change.newUserId()).isEqualTo("IN.2");
        assertThat(change.newId(BY_PHONE)).isEqualTo("919800000002");
    }

    @Test
    void theOlderShapeWithNewWaIdIsUnderstoodToo() {
        assertThat(IdentityChange.from(system("""
                {"body":"changed","new_wa_id":"919800000003","type":"customer_changed_number"}""")))
                .hasValueSatisfying(c -> assertThat(c.newPhone()).isEqualTo("919800000003"));
    }

    @Test
    void aUserIdChangeKeepsAPhoneKeyedCitizenAndRekeysAUserIdKeyedOne() {
        IdentityChange change = IdentityChange.from(system("""
                {"body":"id changed","user_id":"IN.9","previous_user_id":"IN.1","type":"user_changed_user_id"}"""))
                .orElseThrow();
        assertThat(change.newPhone()).isNull();
        assertThat(change.newId(BY_PHONE)).isEqualTo("919800000001");
        assertThat(change.newId(BY_USER_ID)).isEqualTo("IN.9");
    }

    @Test
    void otherSystemMessagesAndUnusableNumbersAreNoChange() {
        assertThat(IdentityChange.from(system("{\"body\":\"x\",\"type\":\"customer_identity_changed\"}"))).isEmpty();
        assertThat(IdentityChange.from(system("{\"type\":\"user_changed_number\",\"wa_id\":\"+91 98\"}"))).isEmpty();
        assertThat(IdentityChange.from(system("{\"type\":\"user_changed_number\"}"))).isEmpty();
        assertThat(IdentityChange.from(JSON.missingNode())).isEmpty();
    }
}
