package org.pramaan.contract.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.contract.core.ContractViolation;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.core.Json;

/**
 * The one certificate id: the credential library's parts, generation and compact form, and the
 * contract's canonical form ({@link CertificateId#of}), which the ledger accepts alone.
 */
class CertificateIdTest {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void generatedIdsParseBackAndCarryTheirParts() {
        CertificateId id = CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026));
        assertThat(id.toString()).matches("REV-INC-2026-[0-9A-HJKMNP-TV-Z]{16}-[0-9A-Z]");
        assertThat(CertificateId.parse(id.toString())).isEqualTo(id);
        assertThat(CertificateId.parse("  " + id.toString().toLowerCase() + " ")).isEqualTo(id);
    }

    @Test
    void theExampleInTheDocumentationIsAValidId() {
        assertThat(CertificateId.isValid("REV-INC-2026-7K3M9QX2HD4TZP8W-0")).isTrue();
    }

    @Test
    void idsAreNotSequential() {
        Set<String> randomParts = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            randomParts.add(CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026)).random());
        }
        assertThat(randomParts).hasSize(10_000);
    }

    @Test
    void everySingleMistypedCharacterIsCaught() {
        String id = CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026)).toString();
        long positions = id.chars().filter(c -> c != '-').count();
        int caught = 0;
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) == '-') {
                continue;
            }
            for (char c : ALPHANUMERIC.toCharArray()) {
                if (c == id.charAt(i)) {
                    continue;
                }
                String typo = id.substring(0, i) + c + id.substring(i + 1);
                assertThat(CertificateId.isValid(typo)).as(typo).isFalse();
                caught++;
            }
        }
        assertThat(caught).isEqualTo(positions * (ALPHANUMERIC.length() - 1));
    }

    @Test
    void nearlyEverySwapOfNeighboursIsCaught() {
        // MOD 37,36 is a hybrid system: it misses a few swaps of particular character pairs (about 1 in 1000).
        int swaps = 0;
        int missed = 0;
        for (int n = 0; n < 1000; n++) {
            String id = CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026)).toString();
            for (int i = 0; i + 1 < id.length(); i++) {
                char a = id.charAt(i);
                char b = id.charAt(i + 1);
                if (a == b || a == '-' || b == '-') {
                    continue;
                }
                String swapped = id.substring(0, i) + b + a + id.substring(i + 2);
                swaps++;
                if (CertificateId.isValid(swapped)) {
                    missed++;
                }
            }
        }
        assertThat(swaps).isGreaterThan(20_000);
        assertThat((double) missed / swaps).isLessThan(0.005);
    }

    @Test
    void theCompactFormRoundTrips() {
        for (int i = 0; i < 1000; i++) {
            CertificateId id = CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026));
            assertThat(id.compact()).hasSize(CertificateId.COMPACT_LENGTH);
            assertThat(CertificateId.fromCompact(id.department(), id.type(), id.compact())).isEqualTo(id);
        }
    }

    @Test
    void aMistypedIdSaysSo() {
        String id = CertificateId.generate(DepartmentCode.of("REV"), "INC", Year.of(2026)).toString();
        char last = id.charAt(id.length() - 1);
        String wrong = id.substring(0, id.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> CertificateId.parse(wrong)).hasMessageContaining("mistyped");
        assertThatThrownBy(() -> CertificateId.parse("REV-INC-2026-123")).hasMessageContaining("not a certificate id");
    }

    // The contract's canonical form (formerly the chaincode's own CertificateId).

    @Test
    void acceptsEveryIdTheCredentialLibraryGenerates() {
        for (String department : new String[] {"REV", "HLTH", "A1", "MUNICIP8"}) {
            for (int i = 0; i < 500; i++) {
                String id = org.pramaan.contract.id.CertificateId
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
                    assertThatThrownBy(() -> CertificateId.of(typo)).as(typo).isInstanceOf(ContractViolation.class);
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
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(text.isEmpty() ? "''" : text.strip());
    }

    @Test
    void lettersExcludedFromCrockfordBase32AreRefusedEvenWithAMatchingCheckCharacter() {
        String body = "REVINC20267K3M9QX2HD4TZP8I";
        String id = "REV-INC-2026-7K3M9QX2HD4TZP8I-" + CertificateId.checkCharacter(body);
        assertThatThrownBy(() -> CertificateId.of(id)).hasMessageContaining("not a certificate id");
    }

    @Test
    void theCanonicalFormIsTheJsonFormAndBothWaysInAgree() {
        CertificateId id = CertificateId.of("REV-INC-2026-7K3M9QX2HD4TZP8W-0");
        assertThat(CertificateId.parse(" rev-inc-2026-7k3m9qx2hd4tzp8w-0 ")).isEqualTo(id);
        assertThat(Json.writeString(id)).isEqualTo("\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\"");
        assertThat(Json.readArgument("\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\"", CertificateId.class, "id")).isEqualTo(id);
        assertThat(id.value()).isEqualTo(id.toString());
        assertThat(id.department()).isEqualTo(DepartmentCode.of("REV"));
    }

    @Test
    void theStricterRulesOfEitherFormerDefinitionHold() {
        // The chaincode took any four-digit year; the credential library only 2000 to 9999: now both do.
        String body = "REVINC19997K3M9QX2HD4TZP8W";
        String id1999 = "REV-INC-1999-7K3M9QX2HD4TZP8W-" + CertificateId.checkCharacter(body);
        assertThatThrownBy(() -> CertificateId.of(id1999))
                .isInstanceOfSatisfying(ContractViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("year");
        assertThat(CertificateId.isValid(id1999)).isFalse();
        // A missing id is the contract's INVALID_ARGUMENT, and for the library still an IllegalArgumentException.
        assertThatThrownBy(() -> CertificateId.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("INVALID_ARGUMENT: field 'id' is missing");
        assertThatThrownBy(() -> CertificateId.parse("REV-INC-2026-123")).isInstanceOf(IllegalArgumentException.class);
    }
}
