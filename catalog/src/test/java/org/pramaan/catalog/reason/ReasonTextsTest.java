package org.pramaan.catalog.reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.Localized;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;

class ReasonTextsTest {

    @Test
    void everyCodeHasATextInEachLanguageInItsOwnScript() {
        List<Localized> texts = new ArrayList<>();
        for (RejectionCode c : RejectionCode.values()) {
            texts.add(ReasonTexts.rejection(c));
        }
        for (ReasonCode c : ReasonCode.values()) {
            texts.add(ReasonTexts.revocation(c));
        }
        for (HoldCode c : HoldCode.values()) {
            texts.add(ReasonTexts.hold(c));
        }
        assertThat(texts).hasSize(RejectionCode.values().length + ReasonCode.values().length + HoldCode.values().length)
                .allSatisfy(t -> {
                    assertThat(t).isNotNull();
                    assertThat(scriptOf(t.en())).isEqualTo(UnicodeScript.LATIN);
                    assertThat(scriptOf(t.te())).isEqualTo(UnicodeScript.TELUGU);
                    assertThat(scriptOf(t.hi())).isEqualTo(UnicodeScript.DEVANAGARI);
                });
    }

    @Test
    void unknownCodesReadAsOtherAndParsingIsStrict() {
        assertThat(ReasonTexts.revocation("NO_SUCH")).isEqualTo(ReasonTexts.revocation(ReasonCode.OTHER));
        assertThat(ReasonTexts.rejection("NO_SUCH")).isEqualTo(ReasonTexts.rejection(RejectionCode.OTHER));
        assertThat(ReasonTexts.rejection("documents_missing").in("te")).isEqualTo("అవసరమైన పత్రాలు జత చేయలేదు");
        assertThat(RejectionCode.parse(" not_eligible ")).isEqualTo(RejectionCode.NOT_ELIGIBLE);
        assertThatThrownBy(() -> RejectionCode.parse("FRAUD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOCUMENTS_MISSING");
        assertThatThrownBy(() -> RejectionCode.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The script of a text's letters, which must all share one (Latin for English). */
    private static UnicodeScript scriptOf(String text) {
        assertThat(text).isNotBlank();
        UnicodeScript found = null;
        for (int cp : text.codePoints().toArray()) {
            UnicodeScript s = UnicodeScript.of(cp);
            if (s == UnicodeScript.COMMON || s == UnicodeScript.INHERITED) {
                continue;
            }
            assertThat(found == null || found == s).as("one script in %s", text).isTrue();
            found = s;
        }
        return found;
    }
}
