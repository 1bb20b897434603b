package org.pramaan.bridge.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the review found in whatsapp-bridge.log: "OutboundSender ... for 9198...", full citizen numbers. A chat runs
 * (greeting, language, menu); the captured output may hold no unmasked phone or Aadhaar number, and no secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends BridgeIntegrationTest {

    static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z_-])(?:(?:\\+?91[ -]?)?[6-9][0-9]{4}[ -]?[0-9]{5}|[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + "(?![0-9A-Za-z_-])");

    @Test
    void aChatLeavesNoPhoneNumberInTheLog(CapturedOutput output) {
        String phone = newPhone();
        say(phone, "hi");
        awaitMessages(phone, 1);
        tap(phone, "lang:en");
        awaitMessages(phone, 2);
        say(phone, "my Aadhaar is 2341 2341 2346 and my other phone is 9123456789");
        awaitMessages(phone, 3);

        String log = output.getAll();
        assertThat(log).contains("accepted by WhatsApp"); // the sender did log its messages
        assertThat(log).doesNotContain(phone);
        assertThat(PERSONAL_NUMBER.matcher(log).results().map(m -> m.group()).toList()).isEmpty();
        assertThat(log).doesNotContain(APP_SECRET, BRIDGE_TOKEN);
    }
}
