package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.credential.Language;

/** Names in Telugu and Devanagari letters written in English letters as names are written in India. */
class LatinNameTest {

    @Test
    void writesTeluguNamesInEnglishLetters() {
        assertThat(LatinName.of("కొండపల్లి రమేష్", Language.TE)).hasValue("Kondapalli Ramesh");
        assertThat(LatinName.of("వేంకట లక్ష్మీ నరసింహ చౌదరి", Language.TE)).hasValue("Venkata Lakshmi Narasinha Chaudari");
        assertThat(LatinName.of("సుబ్బలక్ష్మి", Language.TE)).hasValue("Subbalakshmi");
    }

    @Test
    void writesHindiNamesWithoutTheUnspokenFinalVowel() {
        assertThat(LatinName.of("रमेश कुमार", Language.HI)).hasValue("Ramesh Kumar");
        assertThat(LatinName.of("राजेंद्र प्रसाद", Language.HI)).hasValue("Rajendra Prasad");
        assertThat(LatinName.of("सुनीता देवी", Language.HI)).hasValue("Sunita Devi");
        assertThat(LatinName.of("श्रीनिवास क्षत्रिय", Language.HI)).hasValue("Shrinivas Kshatriya");
        assertThat(LatinName.of("मोहम्मद अंसारी", Language.HI)).hasValue("Mohammad Ansari");
    }

    @Test
    void addsNothingToANameAlreadyInEnglishLetters() {
        assertThat(LatinName.of("Anjali Reddy", Language.EN)).isEmpty();
        assertThat(LatinName.of("Anjali Reddy", Language.TE)).isEmpty();
        assertThat(LatinName.of("  ", Language.TE)).isEmpty();
    }
}
