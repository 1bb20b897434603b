package org.pramaan.bridge.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.pramaan.service.limits.BodySizeLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request body capped at {@code pramaan.bridge.max-body-bytes} (BRIDGE_MAX_BODY_BYTES, 3 MiB: Meta's webhook
 * notifications are small and at most 3 MB), however it is framed, before the signature check or anything else
 * reads it. Multipart uploads (the simulator's photos) keep spring.servlet.multipart's limits. Refusals are counted
 * as {@code pramaan.requests.refused{reason=body_too_large}}.
 */
@Configuration(proxyBeanMethods = false)
public class BodyLimitConfiguration {

    @Bean
    BodySizeLimitFilter bodySizeLimit(@Value("${pramaan.bridge.max-body-bytes:3145728}") long maxBytes,
                                      MeterRegistry meters) {
        return new BodySizeLimitFilter(maxBytes,
                request -> meters.counter("pramaan.requests.refused", "reason", "body_too_large").increment());
    }
}
