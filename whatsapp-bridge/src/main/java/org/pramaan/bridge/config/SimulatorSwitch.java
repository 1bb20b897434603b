package org.pramaan.bridge.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the simulator (chat page + Graph API stand-in) runs: BRIDGE_SIMULATOR_ENABLED when set; otherwise only
 * while no real Graph API is configured, so a development machine gets it and a deployment pointed at Meta does not.
 */
public final class SimulatorSwitch implements Condition {

    public static boolean enabled(Environment environment) {
        String explicit = environment.getProperty("pramaan.bridge.simulator-enabled", "").trim();
        if (!explicit.isEmpty()) {
            return Boolean.parseBoolean(explicit);
        }
        return environment.getProperty("pramaan.whatsapp.graph-base-url", "").isBlank();
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }
}
