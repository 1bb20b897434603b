package org.pramaan.service.correlation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every request gets its correlation id (the caller's {@code X-Correlation-Id} or a new one), echoed in
 * the response and in every log line, before security runs.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CorrelationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CorrelationFilter correlationFilter() {
        return new CorrelationFilter();
    }
}
