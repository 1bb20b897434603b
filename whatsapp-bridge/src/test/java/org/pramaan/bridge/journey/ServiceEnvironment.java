package org.pramaan.bridge.journey;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.service.storage.EmbeddedS3Proxy;

/** What every service gets, as {@code ./pramaan up} exports it to all three: one place for both test platforms. */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** S3Proxy's jar as the build left it under the repository's root (service-support copies it there). */
    static Path s3ProxyJar(Path root) {
        return root.resolve("service-support/target/s3proxy/s3proxy.jar");
    }

    static Map<String, String> of(Map<String, String> secrets, Path home, String jdbcUrl, Path connection,
                                  ServiceProcess issuer, ServiceProcess verifier, ServiceProcess bridge,
                                  String phoneNumberId, GraphStandIn graph, EmbeddedS3Proxy objects) {
        Map<String, String> env = new LinkedHashMap<>(secrets);
        // The object store (certificate PDFs) as ./pramaan up hands it over from dev.env.
        env.put("STORAGE_ENDPOINT", objects.endpoint().toString());
        env.put("STORAGE_ACCESS_KEY", objects.identity());
        env.put("STORAGE_SECRET_KEY", objects.credential());
        env.put("STORAGE_CREATE_BUCKET", "true");
        env.put("PRAMAAN_HOME", home.toString());
        env.put("DATABASE_URL", jdbcUrl);
        env.put("LEDGER_CONNECTION", connection.toString());
        // Loopback only: the services would otherwise listen on every interface of the machine.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("ISSUER_PORT", port(issuer));
        env.put("VERIFIER_PORT", port(verifier));
        env.put("BRIDGE_PORT", port(bridge));
        env.put("ISSUER_BASE_URL", issuer.baseUrl());
        env.put("ISSUER_PUBLIC_URL", issuer.baseUrl());
        env.put("VERIFIER_BASE_URL", verifier.baseUrl());
        env.put("BRIDGE_BASE_URL", bridge.baseUrl());
        // What the bridge calls the shared secrets (the run script derives them the same way).
        env.put("ISSUER_CLIENT_ID", secrets.get("ISSUER_BRIDGE_CLIENT_ID"));
        env.put("ISSUER_CLIENT_SECRET", secrets.get("ISSUER_BRIDGE_CLIENT_SECRET"));
        env.put("VERIFIER_API_KEY", secrets.get("VERIFIER_API_KEY_BRIDGE"));
        env.put("WHATSAPP_PHONE_NUMBER_ID", phoneNumberId);
        // As `WHATSAPP_GRAPH_BASE_URL=... ./pramaan up` would: a Graph API is configured, so no simulator.
        env.put("WHATSAPP_GRAPH_BASE_URL", graph.baseUrl());
        return env;
    }

    private static String port(ServiceProcess service) {
        return service.baseUrl().substring(service.baseUrl().lastIndexOf(':') + 1);
    }
}
