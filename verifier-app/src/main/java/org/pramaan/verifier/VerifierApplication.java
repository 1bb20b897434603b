package org.pramaan.verifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The public verifier: a result page for a phone camera, an API for banks and employers, and the
 * same answer for the WhatsApp bridge. One {@link org.pramaan.verifier.verification.VerificationEngine}
 * stands behind all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VerifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(VerifierApplication.class, args);
    }
}
