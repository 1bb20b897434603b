package org.pramaan.service.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class CorrelationTest {

    @Test
    void onlyShortPlainIdsAreValid() {
        assertThat(Correlation.valid("issuer-app:1f2e.a_b")).isTrue();
        assertThat(Correlation.valid("a".repeat(64))).isTrue();
        assertThat(Correlation.valid("a".repeat(65))).isFalse();
        assertThat(Correlation.valid("")).isFalse();
        assertThat(Correlation.valid(null)).isFalse();
        assertThat(Correlation.valid("bad id\nforged=1")).isFalse();
        assertThat(Correlation.orNew("kept")).isEqualTo("kept");
        assertThat(Correlation.orNew("not kept")).hasSize(36);
    }

    @Test
    void newIdsAreVersionFourUuidsThatDoNotRepeat() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Correlation.newId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(Correlation.valid(id)).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void scopesRestoreWhatWasThereAndIgnoreInvalidIds() {
        try (Correlation.Scope outer = Correlation.open("outer")) {
            try (Correlation.Scope ignored = Correlation.open("in valid")) {
                assertThat(Correlation.current()).contains("outer");
            }
            try (Correlation.Scope inner = Correlation.open("inner")) {
                Correlation.switchTo("form-started");
                Correlation.switchTo("not valid");
                assertThat(Correlation.current()).contains("form-started");
            }
            assertThat(Correlation.current()).contains("outer");
        }
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void otherEntriesHaveScopesOfTheirOwn() {
        try (Correlation.Scope wamid = Correlation.open(Correlation.WAMID_KEY, "wamid.HBgM")) {
            try (Correlation.Scope unchanged = Correlation.open(Correlation.WAMID_KEY, null)) {
                assertThat(MDC.get(Correlation.WAMID_KEY)).isEqualTo("wamid.HBgM");
            }
            assertThat(MDC.get(Correlation.WAMID_KEY)).isEqualTo("wamid.HBgM");
        }
        assertThat(MDC.get(Correlation.WAMID_KEY)).isNull();
    }
}
