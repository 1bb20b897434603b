package org.pramaan.issuer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;

class ApplicationReferenceTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Test
    void looksLikeTheExampleAndIsReadBackForgivingly() {
        ApplicationReference r = ApplicationReference.of("REV", "7K3Q92XM");
        assertThat(r.value()).matches("REV-7K3Q-92XM-[0-9A-HJKMNP-TV-Z]");
        String check = r.value().substring(r.value().length() - 1);
        assertThat(ApplicationReference.read("rev 7k3q 92xm " + check.toLowerCase())).contains(r);
        assertThat(ApplicationReference.read("REV-7K3Q92XM" + check)).contains(r);
        assertThat(ApplicationReference.read("  " + r.value() + " ")).contains(r);
        assertThat(ApplicationReference.read("Ramesh")).isEmpty();
        assertThat(ApplicationReference.read("9876543210")).isEmpty();
        assertThat(ApplicationReference.read(null)).isEmpty();
    }

    @Test
    void crockfordLookAlikesReadAsDigits() {
        ApplicationReference r = ApplicationReference.of("GSWS", "10K3Q9X1");
        String typed = r.value().replace("10K", "ioK").replace("X1", "Xl");
        assertThat(ApplicationReference.read(typed)).contains(r);
    }

    /** Every single wrong character and every two neighbours swapped, on many random references. */
    @RepeatedTest(20)
    void catchesEveryWrongCharacterAndEverySwap() {
        ApplicationReference r = ApplicationReference.random(DepartmentCode.of("REV"));
        String body = r.value().substring(4).replace("-", "");
        assertThat(ApplicationReference.valid(body)).isTrue();
        for (int i = 0; i < body.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c != body.charAt(i)) {
                    String wrong = body.substring(0, i) + c + body.substring(i + 1);
                    assertThat(ApplicationReference.valid(wrong)).as(wrong).isFalse();
                }
            }
            if (i + 1 < body.length() && body.charAt(i) != body.charAt(i + 1)) {
                String swapped = body.substring(0, i) + body.charAt(i + 1) + body.charAt(i) + body.substring(i + 2);
                assertThat(ApplicationReference.valid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void everyDepartmentCodeMakesReferences() {
        ApplicationReference r = ApplicationReference.random(DepartmentCode.of("L923935"));
        assertThat(r.value()).startsWith("L923935-");
        assertThat(ApplicationReference.read(r.value().toLowerCase())).contains(r);
    }

    @Test
    void aMistypedReferenceIsRefusedWithTheReason() {
        ApplicationReference r = ApplicationReference.of("REV", "7K3Q92XM");
        char last = r.value().charAt(r.value().length() - 1);
        String wrong = r.value().substring(0, r.value().length() - 1) + (last == 'Z' ? 'Y' : ALPHABET.charAt(ALPHABET.indexOf(last) + 1));
        assertThatThrownBy(() -> ApplicationReference.read(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character");
    }

    @Test
    void randomReferencesDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(ApplicationReference.random(DepartmentCode.of("REV")).value());
        }
        assertThat(seen).hasSize(1000);
    }
}
