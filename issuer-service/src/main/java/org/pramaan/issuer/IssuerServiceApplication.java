package org.pramaan.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The issuer-service: catalog, applications, approvals, certificates that anchor themselves. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IssuerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerServiceApplication.class, args);
    }
}
