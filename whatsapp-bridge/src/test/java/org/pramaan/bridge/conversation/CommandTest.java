package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The menu's own words are commands in every language, with a letter of leeway only where it cannot mislead. */
class CommandTest {

    private static final Map<String, Command> MENU_ITEMS = Map.of("menu.apply", Command.APPLY, "menu.track",
            Command.STATUS, "menu.certs", Command.CERTIFICATES, "menu.verify", Command.VERIFY, "menu.help", Command.HELP,
            "menu.language", Command.LANGUAGE);

    @ParameterizedTest
    @ValueSource(strings = {"te", "en", "hi"})
    void everyMainMenuLabelIsItsCommand(String language) throws IOException {
        Properties texts = new Properties();
        try (Reader in = new InputStreamReader(CommandTest.class.getResourceAsStream(
                "/messages/bot_" + language + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        MENU_ITEMS.forEach((key, command) -> assertThat(Command.of(texts.getProperty(key)))
                .as("%s in %s: %s", key, language, texts.getProperty(key)).contains(command));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "నా ధృవీకరణ పత్రాలు|CERTIFICATES",
            "నా ధృవీకరణ\u200c పత్రాలు|CERTIFICATES",
            "my certificates!|CERTIFICATES",
            "My Certficates|CERTIFICATES",
            "मेरे प्रमाणपत्र|CERTIFICATES",
            "mere praman patra|CERTIFICATES",
            "आवेदन की स्थिति|STATUS",
            "verify certificate|VERIFY",
            "Help.|HELP"})
    void recognisesTheMenuWordsHoweverTyped(String text, Command expected) {
        assertThat(Command.of(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ha", "shop", "income certificate", "caste certificate", "birth certificate",
            "my certificate of income", "status of ration card", "Kondapalli Ramesh"})
    void otherWordsAreNoCommand(String text) {
        assertThat(Command.of(text)).isEmpty();
    }
}
