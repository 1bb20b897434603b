package org.pramaan.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SimulatorSwitchTest {

    @Test
    void onForDevelopmentOffOnceARealGraphApiIsConfiguredUnlessSaidOtherwise() {
        assertThat(SimulatorSwitch.enabled(new MockEnvironment())).isTrue();
        assertThat(SimulatorSwitch.enabled(new MockEnvironment()
                .withProperty("pramaan.whatsapp.graph-base-url", "https://graph.facebook.com/v23.0"))).isFalse();
        assertThat(SimulatorSwitch.enabled(new MockEnvironment()
                .withProperty("pramaan.bridge.simulator-enabled", "false"))).isFalse();
        assertThat(SimulatorSwitch.enabled(new MockEnvironment()
                .withProperty("pramaan.whatsapp.graph-base-url", "http://127.0.0.1:9/graph")
                .withProperty("pramaan.bridge.simulator-enabled", "true"))).isTrue();
    }
}
