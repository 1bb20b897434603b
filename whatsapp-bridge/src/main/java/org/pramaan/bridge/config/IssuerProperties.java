package org.pramaan.bridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where issuer-service lives and the service client the bridge signs in with (HTTP Basic). */
@ConfigurationProperties("pramaan.issuer")
public record IssuerProperties(String baseUrl, String clientId, String clientSecret) {
}
