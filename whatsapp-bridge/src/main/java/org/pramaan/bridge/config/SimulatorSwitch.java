package org.pramaan.bridge.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the simulator (chat page + Graph API stand-in) runs: BRIDGE_SIMULATOR_ENABLED when set; otherwise only
 * while no real Graph API is configured, so a development machine gets it and a deployment pointed at Meta does not.
 * Switched on explicitly together with a Graph API URL, the bridge refuses to start: that is a deployment with a
 * webhook forger attached, never something anyone means.
 */
public final class SimulatorSwitch implements Condition {

    public static boolean enabled(Environment environment) {
        String explicit = environment.getProperty("pramaan.bridge.simulator-enabled", "").trim();
        boolean graphConfigured = !environment.getProperty("pramaan.whatsapp.graph-base-url", "").isBlank();
        if (!explicit.isEmpty()) {
            boolean on = Boolean.parseBoolean(explicit);
            if (on && graphConfigured) {
                throw new IllegalStateException("BRIDGE_SIMULATOR_ENABLED=true while WHATSAPP_GRAPH_BASE_URL is set: "
                        + "the simulator signs webhooks with the app secret and shows every chat, so it never runs "
                        + "next to a real Graph API. Unset BRIDGE_SIMULATOR_ENABLED (or WHATSAPP_GRAPH_BASE_URL "
                        + "for development).");
            }
            return on;
        }
        return !graphConfigured;
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }
}
