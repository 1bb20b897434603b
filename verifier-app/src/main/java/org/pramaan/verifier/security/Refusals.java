package org.pramaan.verifier.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts refused requests by reason ({@code verifier_requests_refused_total{reason=...}}): rate
 * limited, over the allowance, body too large, decoders busy, upload too costly. A rising count is
 * the first sign of an attack or of a client that needs a larger key.
 */
@Component
public class Refusals {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public Refusals(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(String reason) {
        counters.computeIfAbsent(reason, r -> Counter.builder("verifier.requests.refused")
                .description("requests refused before or while being worked on, by reason")
                .tag("reason", r).register(meters)).increment();
    }
}
