package org.pramaan.bridge.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url               DATABASE_URL: {@code postgres://user:pass@host:port/db} or {@code jdbc:postgresql://...};
 *                          empty starts an embedded PostgreSQL
 * @param embeddedDirectory data folder of the embedded PostgreSQL, kept between runs; empty means a fresh temporary one
 */
@ConfigurationProperties("pramaan.database")
public record DatabaseProperties(String url, String embeddedDirectory) {
}
