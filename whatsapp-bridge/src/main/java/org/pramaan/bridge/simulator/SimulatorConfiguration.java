package org.pramaan.bridge.simulator;

import java.time.Clock;
import org.pramaan.bridge.config.SimulatorSwitch;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The simulator and its Graph API stand-in exist only when {@link SimulatorSwitch} says so. */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorSwitch.class)
@Import({GraphEmulatorController.class, SimulatorController.class})
public class SimulatorConfiguration {

    @Bean
    GraphEmulator graphEmulator(Clock clock) {
        return new GraphEmulator(clock);
    }
}
