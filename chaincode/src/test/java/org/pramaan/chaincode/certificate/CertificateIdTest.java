package org.pramaan.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.chaincode.core.ErrorCode;
import org.pramaan.credential.DepartmentCode;

class CertificateIdTest {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void acceptsEveryIdTheCredentialLibraryGenerates() {
        for (String department : new String[] {"REV", "HLTH", "A1", "MUNICIP8"}) {
            for (int i = 0; i < 500; i++) {
                String id = org.pramaan.credential.CertificateId
                        .generate(DepartmentCode.of(department), "INC", Year.of(2026)).toString();
                CertificateId parsed = CertificateId.of(id);
                assertThat(parsed.department().value()).isEqualTo(department);
                assertThat(parsed.type()).isEqualTo("INC");
            }
        }
    }

    @Test
    void computesTheMod3736CheckCharacter() {
        assertThat(CertificateId.checkCharacter("REVINC20267K3M9QX2HD4TZP8W")).isEqualTo('0');
        assertThat(CertificateId.checkCharacter("HLTHBIRTH20240000000000000000")).isEqualTo('F');
        assertThat(CertificateId.of("REV-INC-2026-7K3M9QX2HD4TZP8W-0").value()).isEqualTo("REV-INC-2026-7K3M9QX2HD4TZP8W-0");
    }

    @Test
    void everySingleWrongCharacterIsRefused() {
        String id = "REV-INC-2026-7K3M9QX2HD4TZP8W-0";
        int refused = 0;
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) == '-') {
                continue;
            }
            for (char c : ALPHANUMERIC.toCharArray()) {
                if (c != id.charAt(i)) {
                    String typo = id.substring(0, i) + c + id.substring(i + 1);
                    assertThatThrownBy(() -> CertificateId.of(typo)).as(typo).isInstanceOf(ContractException.class);
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(27 * 35);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "rev-inc-2026-7k3m9qx2hd4tzp8w-0",
        " REV-INC-2026-7K3M9QX2HD4TZP8W-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8W0",
        "REV-INC-26-7K3M9QX2HD4TZP8W-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8WW-0",
        "REV-I-2026-7K3M9QX2HD4TZP8W-0",
        "REV-INCOMES-2026-7K3M9QX2HD4TZP8W-0",
        "R-INC-2026-7K3M9QX2HD4TZP8W-0",
        "1REV-INC-2026-7K3M9QX2HD4TZP8W-0",
        "REV-IN1-2026-7K3M9QX2HD4TZP8W-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8I-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8L-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8O-0",
        "REV-INC-2026-7K3M9QX2HD4TZP8U-0",
        ""
    })
    void refusesAnythingButTheCanonicalForm(String text) {
        assertThatThrownBy(() -> CertificateId.of(text))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(text.isEmpty() ? "''" : text.strip());
    }

    @Test
    void lettersExcludedFromCrockfordBase32AreRefusedEvenWithAMatchingCheckCharacter() {
        String body = "REVINC20267K3M9QX2HD4TZP8I";
        String id = "REV-INC-2026-7K3M9QX2HD4TZP8I-" + CertificateId.checkCharacter(body);
        assertThatThrownBy(() -> CertificateId.of(id)).hasMessageContaining("not a certificate id");
    }
}
