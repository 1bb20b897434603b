package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.contract.core.ErrorCode;

class ContractSettingsTest {

    @Test
    void theBatchMaximumDefaultsToAThousand() {
        assertThat(ContractSettings.fromEnvironment(Map.of()).maxBatch()).isEqualTo(1000);
        assertThat(ContractSettings.fromEnvironment(Map.of("PRAMAAN_MAX_BATCH", " ")).maxBatch()).isEqualTo(1000);
    }

    @Test
    void theBatchMaximumComesFromTheEnvironment() {
        assertThat(ContractSettings.fromEnvironment(Map.of("PRAMAAN_MAX_BATCH", "250")).maxBatch()).isEqualTo(250);
    }

    @Test
    void aMalformedBatchMaximumIsAMisconfigurationNamingTheVariable() {
        for (String malformed : new String[] {"lots", "0", "-5", "100001", "1e3"}) {
            assertThatThrownBy(() -> ContractSettings.fromEnvironment(Map.of("PRAMAAN_MAX_BATCH", malformed)))
                    .isInstanceOfSatisfying(ContractException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MISCONFIGURED))
                    .hasMessageContaining("PRAMAAN_MAX_BATCH");
        }
        assertThatThrownBy(() -> new ContractSettings(100_001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theProcessSettingsAreReadOnce() {
        assertThat(ContractSettings.ofProcess()).isSameAs(ContractSettings.ofProcess());
        assertThat(new CertificateContract()).isNotNull();
    }
}
