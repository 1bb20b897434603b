package org.pramaan.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

    @Test
    void mobileNumbersAreMaskedWithOrWithoutTheCountryCode() {
        assertThat(PersonalNumbers.mask("OutboundSender 12 for 919876543210 accepted"))
                .isEqualTo("OutboundSender 12 for XXXX XXXX 3210 accepted");
        assertThat(PersonalNumbers.mask("to 9876543210.")).isEqualTo("to XXXXXX3210.");
        assertThat(PersonalNumbers.mask("to +91 98765 43210")).isEqualTo("to XXXXXX3210");
        assertThat(PersonalNumbers.mask("phone=+919876543210&x")).isEqualTo("phone=XXXXXX3210&x");
        assertThat(PersonalNumbers.mask("phone 98765-43210")).isEqualTo("phone XXXXXX3210");
    }

    @Test
    void aadhaarNumbersAreMasked() {
        assertThat(PersonalNumbers.mask("ah=2341 2341 2346,")).isEqualTo("ah=XXXX XXXX 2346,");
        assertThat(PersonalNumbers.mask("ah=234123412346")).isEqualTo("ah=XXXX XXXX 2346");
    }

    @Test
    void idsAndOrdinaryNumbersAreLeftAlone() {
        String line = "application 6f1c2a9e-1b2c-4d5e-8f90-446655440000 batch 1767225600123 took 9876 ms, "
                + "wamid.SIMIN9876543210abc";
        assertThat(PersonalNumbers.mask(line)).isEqualTo(line);
    }
}
