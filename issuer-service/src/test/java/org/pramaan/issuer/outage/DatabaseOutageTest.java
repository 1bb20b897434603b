package org.pramaan.issuer.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.database.EmbeddedPostgresServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL stops under the running issuer: requests are refused with 503 and Retry-After within
 * about 2 s (before: a 30 s hang, then a 500), readiness goes down, and when PostgreSQL is back the
 * service works again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    private static final Path HOME = org.pramaan.issuer.support.TestHome.create("issuer-outage-home");
    private static final Path DATA = HOME.resolve("postgres");
    private static final int PORT = freePort();
    private static EmbeddedPostgresServer database = EmbeddedPostgresServer.start(DATA, PORT);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        IntegrationTest.register(registry, HOME);
        registry.add("pramaan.database.url", () -> "jdbc:postgresql://localhost:" + PORT + "/postgres?user=postgres");
    }

    private ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    private ApiClient bridge() {
        return ApiClient.basic(port, IntegrationTest.BRIDGE_CLIENT_ID, IntegrationTest.BRIDGE_CLIENT_SECRET);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void anOutageIsRefusedFastWith503AndTheServiceRecoversByItself() {
        assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);

        database.close();

        long started = System.nanoTime();
        Answer refused = bridge().post("/api/v1/applications", application());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("database-unavailable");
        assertThat(took).as("refused within about 2 s, not after the pool's 30 s").isLessThan(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(503));
        assertThat(anonymous().get("/actuator/health/liveness").status()).as("the process itself is fine").isEqualTo(200);

        database = EmbeddedPostgresServer.start(DATA, PORT);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200));
        Answer accepted = bridge().post("/api/v1/applications", application());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private static Map<String, Object> application() {
        return Map.of("serviceCode", "REV-INCOME", "language", "en", "phoneNumber", "+91 98765 43210",
                "fields", Map.of("nm", "Outage Tester", "ai", "96000", "ah", "2341 2341 2346", "pc", "520001",
                        "ct", "BC-A", "db", "1990-08-15"),
                "channelReference", "outage-" + UUID.randomUUID());
    }


    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
