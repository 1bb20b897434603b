package org.pramaan.verifier;

import org.pramaan.service.problem.ProblemConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The public verifier: a result page for a phone camera, an API for banks and employers, and the
 * same answer for the WhatsApp bridge. One {@link org.pramaan.verifier.verification.VerificationEngine}
 * stands behind all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// The one error contract: problem+json with a ProblemCode from every REST controller and error page.
@Import(ProblemConfiguration.class)
public class VerifierApplication {

    public static void main(String[] args) {
        SpringApplication.run(VerifierApplication.class, args);
    }
}
