package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationExpiryTest extends BridgeIntegrationTest {

    @Autowired
    ConversationExpiry expiry;

    @Test
    void anAbandonedFormIsClosedPolitelyAndAFreshOneIsLeftAlone() {
        String abandoned = newPhone();
        String active = newPhone();
        for (String phone : new String[] {abandoned, active}) {
            say(phone, "hi");
            tap(phone, "lang:en");
            awaitMessages(phone, 3);
            tap(phone, "start:REV-INCOME");
            awaitMessages(phone, 4);
        }
        jdbc.update("UPDATE conversation SET updated_at = now() - interval '2 hours' WHERE citizen_id = ?", abandoned);

        assertThat(expiry.expireIdle()).isGreaterThanOrEqualTo(1);

        assertThat(bodyText(next(abandoned, 4))).contains("stopped your unfinished request");
        assertThat(jdbc.queryForObject("SELECT step FROM conversation WHERE citizen_id = ?", String.class, abandoned))
                .isEqualTo("MENU");
        assertThat(jdbc.queryForObject("SELECT step FROM conversation WHERE citizen_id = ?", String.class, active))
                .isEqualTo("FORM");
        // coming back after expiry starts cleanly: an answer is not taken for the old form
        say(abandoned, "Kondapalli Ramesh");
        assertThat(bodyText(next(abandoned, 5))).doesNotContain("Question");
    }
}
