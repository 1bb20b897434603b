package org.pramaan.issuer;

import org.pramaan.service.problem.ProblemConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The issuer-service: catalog, applications, approvals, certificates that anchor themselves. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// The one error contract: problem+json with a ProblemCode from every REST controller and error page.
@Import(ProblemConfiguration.class)
public class IssuerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerServiceApplication.class, args);
    }
}
