package org.pramaan.catalog.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerhoeffTest {

    @Test
    void knownValuesPass() {
        assertThat(Verhoeff.isValid("2363")).isTrue(); // the textbook example: 236 -> check digit 3
        assertThat(Verhoeff.checkDigit("236")).isEqualTo(3);
        assertThat(Verhoeff.isValid("234123412346")).isTrue(); // UIDAI's published sample number
    }

    @Test
    void everySingleDigitErrorAndAdjacentSwapIsCaught() {
        String valid = "234123412346";
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String wrong = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertThat(Verhoeff.isValid(wrong)).as(wrong).isFalse();
                }
            }
        }
        for (int i = 0; i + 1 < valid.length(); i++) {
            if (valid.charAt(i) != valid.charAt(i + 1)) {
                String swapped = valid.substring(0, i) + valid.charAt(i + 1) + valid.charAt(i) + valid.substring(i + 2);
                assertThat(Verhoeff.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void nonDigitsFail() {
        assertThat(Verhoeff.isValid("")).isFalse();
        assertThat(Verhoeff.isValid("23412341234a")).isFalse();
    }
}
