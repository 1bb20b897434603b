package org.pramaan.verifier.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The verifier's settings, bound from environment variables (see application.properties for the
 * names and defaults). The database's are service-support's {@code pramaan.database.*}.
 *
 * @param home                 the development state folder ({@code PRAMAAN_HOME}, default {@code .pramaan})
 * @param baseUrl              the address printed in QR codes ({@code VERIFIER_BASE_URL})
 * @param rootCa               the state root CA certificate, PEM ({@code VERIFIER_ROOT_CA}); empty: the
 *                             development root under {@code home/keys}, created if missing
 * @param ledger               the Fabric connection file ({@code LEDGER_CONNECTION}); empty:
 *                             {@code home/network/connection.json}, which {@code ./pramaan up} writes
 * @param anonymousPerMinute   requests per minute per address without an API key
 * @param keyPerMinute         default requests per minute for a new API key
 * @param maxBatch             most QR texts in one batch request
 * @param statusFreshness      how long a cached ledger answer is used without asking again (events
 *                             invalidate it sooner)
 * @param ledgerContactWindow  a cached answer counts as fresh while the ledger answered within this time
 * @param trustRefresh         how often the trust list is re-read even without an event
 * @param maxUploadBytes       largest image or PDF accepted
 * @param bridgeKey            the WhatsApp bridge's API key when the run script made it
 *                             ({@code VERIFIER_API_KEY_BRIDGE}); empty: made here on first start
 */
@ConfigurationProperties("verifier")
public record VerifierProperties(Path home, String baseUrl, String rootCa, String ledger, int anonymousPerMinute, int keyPerMinute, int maxBatch,
                                 Duration statusFreshness, Duration ledgerContactWindow, Duration trustRefresh,
                                 long maxUploadBytes, String bridgeKey) {

    public VerifierProperties {
        home = home == null ? Path.of(".pramaan") : home;
        baseUrl = blankTo(baseUrl, "http://localhost:8082");
        ledger = blankTo(ledger, home.resolve("network").resolve("connection.json").toString());
        anonymousPerMinute = anonymousPerMinute <= 0 ? 120 : anonymousPerMinute;
        keyPerMinute = keyPerMinute <= 0 ? 6000 : keyPerMinute;
        maxBatch = maxBatch <= 0 ? 1000 : maxBatch;
        statusFreshness = statusFreshness == null ? Duration.ofMinutes(5) : statusFreshness;
        ledgerContactWindow = ledgerContactWindow == null ? Duration.ofSeconds(90) : ledgerContactWindow;
        trustRefresh = trustRefresh == null ? Duration.ofSeconds(30) : trustRefresh;
        maxUploadBytes = maxUploadBytes <= 0 ? 8L * 1024 * 1024 : maxUploadBytes;
        bridgeKey = bridgeKey == null ? "" : bridgeKey.strip();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
