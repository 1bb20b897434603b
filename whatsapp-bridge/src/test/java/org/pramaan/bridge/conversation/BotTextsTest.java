package org.pramaan.bridge.conversation;

import org.pramaan.bridge.texts.BotTexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.Replies;

/** Every bot text in all three languages, and none that breaks a WhatsApp limit where it is used. */
class BotTextsTest {

    private final BotTexts texts = new BotTexts();

    private static Set<String> keys(Language l) {
        return new TreeSet<>(Collections.list(BotTexts.bundle(l).getKeys()));
    }

    @Test
    void everyKeyExistsInEveryLanguage() {
        Set<String> english = keys(Language.EN);
        assertThat(english).hasSizeGreaterThan(80);
        for (Language l : Language.values()) {
            assertThat(keys(l)).as("keys of %s", l).isEqualTo(english);
            for (String key : english) {
                assertThat(BotTexts.bundle(l).getString(key)).as("%s in %s", key, l).isNotBlank();
            }
        }
    }

    @Test
    void teluguAndHindiTextsAreInTheirOwnScript() {
        for (String key : List.of("menu.body", "help.body", "form.ask", "delivery.caption", "unsupported.type")) {
            assertThat(texts.get(Language.TE, key)).as(key).containsPattern("\\p{InTelugu}");
            assertThat(texts.get(Language.HI, key)).as(key).containsPattern("\\p{InDevanagari}");
        }
    }

    @Test
    void renderedTextsRespectWhatsAppLimits() {
        String longArg = "x".repeat(60);
        for (Language l : Language.values()) {
            for (String key : keys(l)) {
                String rendered = texts.get(l, key, longArg, longArg, longArg, longArg, longArg, longArg);
                assertThat(rendered.length()).as("%s in %s", key, l).isLessThanOrEqualTo(Replies.TEXT_MAX);
                assertThat(rendered).as("%s in %s has an unfilled placeholder", key, l).doesNotContainPattern("\\{\\d\\}");
            }
            // Used as list rows, list buttons, reply buttons and interactive bodies:
            for (String item : List.of("apply", "track", "certs", "verify", "help", "language")) {
                assertThat(texts.get(l, "menu." + item).length()).isLessThanOrEqualTo(Replies.ROW_TITLE_MAX);
                assertThat(texts.get(l, "menu." + item + ".desc").length()).isLessThanOrEqualTo(Replies.ROW_DESCRIPTION_MAX);
            }
            for (String key : List.of("list.more")) {
                assertThat(texts.get(l, key).length()).isLessThanOrEqualTo(Replies.ROW_TITLE_MAX);
            }
            assertThat(texts.get(l, "list.more.desc").length()).isLessThanOrEqualTo(Replies.ROW_DESCRIPTION_MAX);
            for (String key : List.of("menu.button", "departments.button", "services.button", "certs.button",
                    "search.button", "form.choose", "service.start", "service.back", "form.submit", "form.cancel")) {
                assertThat(texts.get(l, key).length()).as("%s in %s", key, l).isLessThanOrEqualTo(Replies.BUTTON_TITLE_MAX);
            }
            for (String key : List.of("lang.choose", "menu.body", "departments.body", "search.choose", "certs.body",
                    "form.ask.choice")) {
                assertThat(texts.get(l, key, longArg, longArg, longArg).length())
                        .isLessThanOrEqualTo(Replies.INTERACTIVE_BODY_MAX);
            }
            assertThat(texts.get(l, "delivery.caption", longArg, longArg).length())
                    .isLessThanOrEqualTo(Replies.CAPTION_MAX);
        }
    }

    @Test
    void formattingFillsArguments() {
        assertThat(texts.get(Language.EN, "form.ask", "2", "4", "Annual income", "96000"))
                .startsWith("Question 2 of 4: *Annual income*").contains("96000");
    }
}
