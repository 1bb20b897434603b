package org.pramaan.issuer.logging;

import org.pramaan.service.correlation.CorrelationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every request gets its correlation id (the caller's {@code X-Correlation-Id} or a new one) before security runs. */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    @Bean
    CorrelationFilter correlationFilter() {
        return new CorrelationFilter();
    }
}
