package org.pramaan.issuer.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.pramaan.issuer.document.DocumentProperties;
import org.pramaan.service.limits.BodySizeLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request body capped at {@code pramaan.limits.max-body-bytes} (ISSUER_MAX_BODY_BYTES, 1 MiB), however it is
 * framed: an application form is a few kilobytes, and without the cap a chunked body was read whole into memory.
 * Document uploads alone ({@link DocumentController#UPLOAD}) are capped at the document limit instead
 * (ISSUER_DOCUMENT_MAX_BYTES, 5 MiB). Refusals are counted as {@code pramaan.requests.refused{reason=body_too_large}}.
 */
@Configuration(proxyBeanMethods = false)
public class BodyLimitConfiguration {

    @Bean
    BodySizeLimitFilter bodySizeLimit(@Value("${pramaan.limits.max-body-bytes:1048576}") long maxBytes,
                                      MeterRegistry meters) {
        return new BodySizeLimitFilter(maxBytes,
                request -> meters.counter("pramaan.requests.refused", "reason", "body_too_large").increment()) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return isUpload(request);
            }
        };
    }

    @Bean
    BodySizeLimitFilter documentBodySizeLimit(DocumentProperties documents, MeterRegistry meters) {
        return new BodySizeLimitFilter(documents.maxBytes(),
                request -> meters.counter("pramaan.requests.refused", "reason", "body_too_large").increment()) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !isUpload(request);
            }
        };
    }

    private static boolean isUpload(HttpServletRequest request) {
        return DocumentController.UPLOAD.equals(request.getRequestURI());
    }
}
