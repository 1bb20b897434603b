package org.pramaan.bridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where verifier-app lives and the API key that lifts its anonymous rate limit. */
@ConfigurationProperties("pramaan.verifier")
public record VerifierProperties(String baseUrl, String apiKey) {
}
