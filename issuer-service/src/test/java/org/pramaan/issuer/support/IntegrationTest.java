package org.pramaan.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.pramaan.network.DevNetwork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: one service per JVM on a random port, on the embedded PostgreSQL
 * and the development Fabric network (the peer in this JVM, the chaincode jar as a service), with the test catalog, a bridge stub on loopback and the development sign-ins it
 * wrote to {@code dev.env}. Every subclass shares the one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestLedgerConfiguration.class)
public abstract class IntegrationTest {

    protected static final Path HOME = TestHome.create("issuer-test-home");
    protected static final BridgeStub BRIDGE = new BridgeStub();
    protected static final String BRIDGE_TOKEN = "test-bridge-token";
    /** The bridge's sign-in as ./pramaan up hands it to both services. */
    public static final String BRIDGE_CLIENT_ID = "whatsapp-bridge";
    public static final String BRIDGE_CLIENT_SECRET = "Run0Script0Made0This0Secret0For0Both";

    @LocalServerPort
    protected int port;

    @Autowired
    protected SwitchableLedgers ledgers;

    /** The admin as a program signs in: with a token taken once for the admin's password. */
    protected ApiClient admin() {
        Map<String, String> env = devEnv();
        return ApiClient.officer(port, env.get("ISSUER_ADMIN_USER"), env.get("ISSUER_ADMIN_PASSWORD"));
    }

    /** The admin's password as HTTP Basic: for the token door (and the scrapers' door) only. */
    protected ApiClient adminPassword() {
        Map<String, String> env = devEnv();
        return ApiClient.basic(port, env.get("ISSUER_ADMIN_USER"), env.get("ISSUER_ADMIN_PASSWORD"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, HOME);
    }

    /**
     * The settings of a test service with its state in {@code home}. A test that needs a context of its
     * own (another database) gives it its own home too: each context writes its sign-ins to its home's
     * dev.env, and two contexts sharing one would read each other's.
     */
    public static void register(DynamicPropertyRegistry registry, Path home) {
        registry.add("pramaan.home", home::toString);
        registry.add("pramaan.ledger.connection", () -> DevNetwork.shared().connectionFile().toString());
        registry.add("pramaan.database.embedded-folder", () -> "temporary");
        registry.add("pramaan.database.embedded-name", () -> "issuer_test");
        registry.add("pramaan.catalog.location", () -> "classpath:test-catalog");
        registry.add("pramaan.security.bcrypt-strength", () -> "4");
        // Every test calls from 127.0.0.1: the per-address budget is SignInThrottleTest's, not the shared context's.
        registry.add("pramaan.security.sign-in.address-failures", () -> "100000");
        // As behind a TLS-terminating proxy on this machine: X-Forwarded-Proto from loopback is believed.
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("pramaan.ledger.batch-size", () -> "10");
        registry.add("pramaan.ledger.max-wait", () -> "200ms");
        registry.add("pramaan.ledger.poll-interval", () -> "100ms");
        registry.add("pramaan.ledger.retry-backoff", () -> "200ms");
        registry.add("pramaan.bridge.base-url", BRIDGE::baseUrl);
        registry.add("pramaan.bridge.token", () -> BRIDGE_TOKEN);
        registry.add("pramaan.bridge-client.id", () -> BRIDGE_CLIENT_ID);
        registry.add("pramaan.bridge-client.secret", () -> BRIDGE_CLIENT_SECRET);
        registry.add("pramaan.bridge.poll-interval", () -> "100ms");
        registry.add("pramaan.bridge.retry-backoff", () -> "200ms");
        registry.add("pramaan.rendering.retry-backoff", () -> "200ms");
        registry.add("pramaan.verifier-base-url", () -> "https://verify.example.gov.in");
        registry.add("pramaan.public-base-url", () -> "http://issuer.test");
        // DigiLockerPullTest spends the budget on purpose; a short window gives it back to the other tests at once.
        registry.add("pramaan.digilocker.calls-per-window", () -> "30");
        registry.add("pramaan.digilocker.window", () -> "1s");
    }

    /** The development sign-ins the service wrote on first start. */
    protected static Map<String, String> devEnv() {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(HOME.resolve("dev.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bridge, signed in with the secret given in the environment (not one the service made). */
    protected ApiClient bridge() {
        return ApiClient.basic(port, BRIDGE_CLIENT_ID, BRIDGE_CLIENT_SECRET);
    }

    /** The department's development officer, with a token taken once for their password. */
    protected ApiClient officer(String department) {
        Map<String, String> env = devEnv();
        return ApiClient.officer(port, env.get("ISSUER_OFFICER_" + department + "_USER"),
                env.get("ISSUER_OFFICER_" + department + "_PASSWORD"));
    }

    /** The officer's password as HTTP Basic: what the token door takes, and the rest of the API refuses. */
    protected ApiClient officerPassword(String department) {
        Map<String, String> env = devEnv();
        return ApiClient.basic(port, env.get("ISSUER_OFFICER_" + department + "_USER"),
                env.get("ISSUER_OFFICER_" + department + "_PASSWORD"));
    }

    protected ApiClient departmentSystem(String department) {
        return ApiClient.apiKey(port, devEnv().get("ISSUER_DEPT_SYSTEM_" + department + "_KEY"));
    }

    /**
     * The certificate's PDF once the rendering worker has made it: an approval answers before its PDF exists, and
     * the PDF answers 409 {@code pdf-pending} until then. Any other answer is returned as it came.
     */
    protected static ApiClient.Answer pdfWhenReady(ApiClient client, String certificateId) {
        java.util.concurrent.atomic.AtomicReference<ApiClient.Answer> last = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(50)).until(() -> {
                    last.set(client.get("/api/v1/certificates/" + certificateId + "/pdf"));
                    return last.get().status() != 409;
                });
        return last.get();
    }

    protected ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

}
