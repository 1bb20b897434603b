package org.pramaan.issuer.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.pramaan.service.limits.BodySizeLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request body capped at {@code pramaan.limits.max-body-bytes} (ISSUER_MAX_BODY_BYTES, 1 MiB), however it is
 * framed: an application form is a few kilobytes, and without the cap a chunked body was read whole into memory.
 * Refusals are counted as {@code pramaan.requests.refused{reason=body_too_large}}.
 */
@Configuration(proxyBeanMethods = false)
public class BodyLimitConfiguration {

    @Bean
    BodySizeLimitFilter bodySizeLimit(@Value("${pramaan.limits.max-body-bytes:1048576}") long maxBytes,
                                      MeterRegistry meters) {
        return new BodySizeLimitFilter(maxBytes,
                request -> meters.counter("pramaan.requests.refused", "reason", "body_too_large").increment());
    }
}
