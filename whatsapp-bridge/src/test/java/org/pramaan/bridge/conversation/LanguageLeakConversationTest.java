package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;

/** No English where a Telugu or Hindi citizen reads (issue 13, item 3). */
class LanguageLeakConversationTest extends BridgeIntegrationTest {

    private int start(String phone, String language) {
        say(phone, "hi");
        tap(phone, "lang:" + language);
        return awaitMessages(phone, 3).size();
    }

    @Test
    void aStrangerIsGreetedInAllThreeLanguages() {
        String phone = newPhone();
        say(phone, "నమస్కారం");
        String greeting = bodyText(next(phone, 0));
        assertThat(greeting).contains("ప్రమాణ్‌కు స్వాగతం", "प्रमाण में आपका स्वागत है", "Welcome to Pramaan",
                "భాషను ఎంచుకోండి", "अपनी भाषा चुनें", "Choose your language");
    }

    @Test
    void aCitizenWhoChoseALanguageIsAskedAgainInIt() {
        String phone = newPhone();
        int seen = start(phone, "hi");
        say(phone, "भाषा");
        assertThat(bodyText(next(phone, seen))).startsWith("प्रमाण में आपका स्वागत है")
                .doesNotContain("ప్రమాణ్‌కు స్వాగతం", "Welcome to Pramaan");
    }

    @Test
    void formExamplesAreInTheCitizensScript() {
        String phone = newPhone();
        int seen = start(phone, "te");
        tap(phone, "start:REV-INCOME");
        assertThat(bodyText(next(phone, seen++))).contains("ఉదాహరణకు: కొండపల్లి రమేష్").doesNotContain("Kondapalli");
        say(phone, "కొండపల్లి రమేష్");
        assertThat(bodyText(next(phone, seen))).contains("ఉదాహరణకు: 96000");

        String hindi = newPhone();
        int heard = start(hindi, "hi");
        tap(hindi, "start:REV-INCOME");
        assertThat(bodyText(next(hindi, heard))).contains("उदाहरण: कोंडापल्ली रमेश").doesNotContain("Kondapalli");

        String english = newPhone();
        int read = start(english, "en");
        tap(english, "start:REV-INCOME");
        assertThat(bodyText(next(english, read))).contains("For example: Kondapalli Ramesh");
    }

    @Test
    void aCheckedCertificateNamesItsTypeAndDepartmentInTheCitizensLanguage() {
        String phone = newPhone();
        int seen = start(phone, "te");
        say(phone, "HTTPS://VERIFY.EXAMPLE.GOV.IN/C/6BFOXN2MZQGA3TQOBRGE4DGNBQ");
        assertThat(bodyText(next(phone, seen))).contains("రకం: ఆదాయ ధృవీకరణ పత్రం", "జారీ చేసిన శాఖ: రెవెన్యూ")
                .doesNotContain("INC\n", "Revenue");

        String hindi = newPhone();
        int heard = start(hindi, "hi");
        say(hindi, "HTTPS://VERIFY.EXAMPLE.GOV.IN/C/6BFOXN2MZQGA3TQOBRGE4DGNBQ");
        assertThat(bodyText(next(hindi, heard))).contains("आय प्रमाण पत्र", "राजस्व").doesNotContain("Revenue");
    }
}
