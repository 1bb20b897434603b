package org.pramaan.bridge.simulator;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.pramaan.bridge.config.SimulatorSwitch;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** The simulator and its Graph API stand-in exist only when {@link SimulatorSwitch} says so. */
@Configuration(proxyBeanMethods = false)
@Conditional(SimulatorSwitch.class)
@Import({GraphEmulatorController.class, SimulatorController.class})
public class SimulatorConfiguration {

    @Bean
    GraphEmulator graphEmulator(Clock clock, @Value("${pramaan.simulator.media-folder}") String mediaFolder,
                                @Value("${pramaan.simulator.window}") int window,
                                @Value("${pramaan.simulator.messages-per-second:80}") int messagesPerSecond,
                                @Value("${pramaan.simulator.per-user-burst:45}") int perUserBurst,
                                @Value("${pramaan.simulator.per-user-interval:6s}") java.time.Duration perUserInterval) {
        // Like Meta: over the number's tier 130429, over a recipient's pacing 131056.
        return new GraphEmulator(clock, Path.of(mediaFolder), window, messagesPerSecond, perUserBurst, perUserInterval);
    }

    /** Ahead of everything else, Spring Security included: a refused caller costs no further work. */
    @Bean
    FilterRegistrationBean<SimulatorGuard> simulatorGuard(@Value("${pramaan.simulator.token:}") String token) {
        FilterRegistrationBean<SimulatorGuard> registration = new FilterRegistrationBean<>(new SimulatorGuard(token));
        registration.addUrlPatterns("/simulator", "/simulator/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
