package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
}
