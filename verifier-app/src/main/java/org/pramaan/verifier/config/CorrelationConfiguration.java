package org.pramaan.verifier.config;

import org.pramaan.service.correlation.CorrelationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every verification request logs under the caller's {@code X-Correlation-Id} (or a new one), echoed in the response. */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    @Bean
    CorrelationFilter correlationFilter() {
        return new CorrelationFilter();
    }
}
