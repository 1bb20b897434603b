package org.pramaan.bridge.logging;

import org.pramaan.service.correlation.CorrelationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every request gets its correlation id (issuer-service sends the application's with each delivery notice). */
@Configuration(proxyBeanMethods = false)
public class CorrelationConfiguration {

    @Bean
    CorrelationFilter correlationFilter() {
        return new CorrelationFilter();
    }
}
