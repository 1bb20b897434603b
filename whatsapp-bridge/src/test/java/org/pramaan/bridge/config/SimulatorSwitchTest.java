package org.pramaan.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    /** The simulator signs webhooks with the app secret: next to Meta's Graph API it would forge real chats. */
    @Test
    void switchedOnExplicitlyNextToARealGraphApiTheBridgeRefusesToStart() {
        assertThatThrownBy(() -> SimulatorSwitch.enabled(new MockEnvironment()
                .withProperty("pramaan.whatsapp.graph-base-url", "https://graph.facebook.com/v23.0")
                .withProperty("pramaan.bridge.simulator-enabled", "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BRIDGE_SIMULATOR_ENABLED").hasMessageContaining("WHATSAPP_GRAPH_BASE_URL");
    }
}
