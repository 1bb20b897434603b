package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.credential.Language;

class LanguagesTest {

    @Test
    void anExplicitChoiceWinsOverTheBrowser() {
        assertThat(Languages.resolve("hi", "te-IN,te;q=0.9")).isEqualTo(Language.HI);
    }

    @Test
    void theBrowsersFirstSupportedLanguageIsUsed() {
        assertThat(Languages.resolve(null, "fr-FR,te;q=0.8,en;q=0.5")).isEqualTo(Language.TE);
        assertThat(Languages.resolve(null, "hi-IN")).isEqualTo(Language.HI);
    }

    @Test
    void unknownOrGarbledPreferencesFallBackToEnglish() {
        assertThat(Languages.resolve("xx", "de-DE")).isEqualTo(Language.EN);
        assertThat(Languages.resolve(null, ";;;q=abc")).isEqualTo(Language.EN);
        assertThat(Languages.resolve(null, null)).isEqualTo(Language.EN);
    }
}
