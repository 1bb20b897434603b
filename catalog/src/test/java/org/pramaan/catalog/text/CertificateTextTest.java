package org.pramaan.catalog.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateTextTest {

    @Test
    void namesAndAddressesOfTheFormsScriptsPass() {
        assertThat(CertificateText.problem("Kondapalli Ramesh")).isNull();
        assertThat(CertificateText.problem("O'Brien-Rao")).isNull();
        assertThat(CertificateText.problem("కొండపల్లి రమేశ్")).isNull();
        assertThat(CertificateText.problem("पिन\u200Cकोड")).isNull();
        assertThat(CertificateText.problem("H.No. 4-12/3A, (Near Temple) #2 & Main Rd: ౧౨ १२")).isNull();
        assertThat(CertificateText.problem("José Müller")).isNull();
        assertThat(CertificateText.problem("Jose\u0301")).isNull();
    }

    @Test
    void markupOtherScriptsAndSymbolsAreRefused() {
        assertThat(CertificateText.problem("<script>alert(1)</script>")).isEqualTo(CertificateText.Problem.NOT_ALLOWED);
        assertThat(CertificateText.problem("Павлово")).isEqualTo(CertificateText.Problem.NOT_ALLOWED);
        assertThat(CertificateText.problem("Ramesh; DROP")).isEqualTo(CertificateText.Problem.NOT_ALLOWED);
        assertThat(CertificateText.problem("Ramesh \uD83D\uDE00")).isEqualTo(CertificateText.Problem.NOT_ALLOWED);
        assertThat(CertificateText.problem("Ramesh\u0000")).isEqualTo(CertificateText.Problem.CONTROL_CHARACTERS);
    }

    @Test
    void bidiControlsAreNeverAccepted() {
        for (int cp : new int[] {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                0x2068, 0x2069}) {
            assertThat(CertificateText.problem("Pena" + Character.toString(cp) + "maluru"))
                    .as("U+%04X", cp).isEqualTo(CertificateText.Problem.BIDI_CONTROLS);
        }
    }
}
