package org.pramaan.bridge;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.pramaan.service.problem.ProblemConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** whatsapp-bridge: the WhatsApp Cloud API webhook, citizen conversations, delivery and the chat simulator. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// The one error contract: problem+json with a ProblemCode from every REST controller and error page.
@Import(ProblemConfiguration.class)
public class BridgeApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(BridgeApplication.class);
        String home = System.getenv().getOrDefault("PRAMAAN_HOME", ".pramaan");
        Map<String, Object> devDefaults = DevEnvironment.load(Path.of(home).resolve("dev.env"), System.getenv());
        app.setDefaultProperties(devDefaults);
        app.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
