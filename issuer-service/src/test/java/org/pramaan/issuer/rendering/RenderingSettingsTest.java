package org.pramaan.issuer.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RenderingSettingsTest {

    private static RenderingSettings withWorkers(int workers) {
        return new RenderingSettings(workers, 4, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void noWorkerCountGivenMeansHalfTheCoresAndAtLeastOne() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(withWorkers(0).workers()).isEqualTo(Math.max(1, cores / 2)).isPositive();
        assertThat(withWorkers(3).workers()).isEqualTo(3);
    }

    @Test
    void aNegativeOrHugeCountIsRefused() {
        assertThatThrownBy(() -> withWorkers(-1)).hasMessageContaining("workers must be 1..64 (0: half the cores)");
        assertThatThrownBy(() -> withWorkers(65)).hasMessageContaining("got 65");
    }
}
