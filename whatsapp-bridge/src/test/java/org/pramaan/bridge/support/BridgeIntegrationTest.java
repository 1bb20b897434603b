package org.pramaan.bridge.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.bridge.simulator.GraphEmulator;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.webhook.WebhookSignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole bridge on a random loopback port with its embedded PostgreSQL, the simulator's Graph API stand-in and
 * stand-in issuer and verifier servers. All integration tests share this one context; each uses its own phone
 * numbers so they do not see each other's messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "pramaan.whatsapp.app-secret=" + BridgeIntegrationTest.APP_SECRET,
        "pramaan.whatsapp.verify-token=" + BridgeIntegrationTest.VERIFY_TOKEN,
        "pramaan.whatsapp.access-token=test-access-token",
        "pramaan.whatsapp.phone-number-id=" + BridgeIntegrationTest.PHONE_NUMBER_ID,
        "pramaan.whatsapp.graph-base-url=",
        "pramaan.bridge.token=" + BridgeIntegrationTest.BRIDGE_TOKEN,
        "pramaan.bridge.simulator-enabled=true",
        "pramaan.simulator.token=" + BridgeIntegrationTest.SIMULATOR_TOKEN,
        "pramaan.database.url=",
        "pramaan.database.embedded-folder=temporary",
        "pramaan.issuer.client-id=" + StandInIssuer.CLIENT_ID,
        "pramaan.issuer.client-secret=" + StandInIssuer.CLIENT_SECRET,
        "pramaan.verifier.api-key=" + StandInVerifier.API_KEY})
@Import(FaultyController.class)
public abstract class BridgeIntegrationTest {

    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    public static final String PHONE_NUMBER_ID = "100000000000001";
    public static final String BRIDGE_TOKEN = "test-bridge-token";
    public static final String SIMULATOR_TOKEN = "test-simulator-token";

    protected static final StandInIssuer ISSUER = new StandInIssuer();
    protected static final StandInVerifier VERIFIER = new StandInVerifier();
    private static final AtomicLong PHONES = new AtomicLong(919_800_000_000L + (System.nanoTime() % 1000) * 1000);

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("pramaan.issuer.base-url", ISSUER::baseUrl);
        registry.add("pramaan.verifier.base-url", VERIFIER::baseUrl);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected GraphEmulator graph;
    @Autowired
    protected JdbcTemplate jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    protected static String newPhone() {
        return String.valueOf(PHONES.incrementAndGet());
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected HttpResponse<String> postWebhook(byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/webhook")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> postSigned(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return postWebhook(body, new WebhookSignature(APP_SECRET).sign(body));
    }

    protected String send(String phone, ObjectNode message) {
        HttpResponse<String> response = postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "Ramesh", message));
        if (response.statusCode() != 200) {
            throw new AssertionError("webhook answered " + response.statusCode() + ": " + response.body());
        }
        return message.path("id").asString();
    }

    protected String say(String phone, String text) {
        return send(phone, WebhookPayloads.text(phone, wamid(), Instant.now(), text));
    }

    protected String tap(String phone, String replyId) {
        return send(phone, WebhookPayloads.reply(phone, wamid(), Instant.now(), "list_reply", replyId, replyId));
    }

    protected static String wamid() {
        return "wamid.TEST" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Waits until the bridge has sent {@code count} messages to the phone in all; returns them all. */
    protected List<JsonNode> awaitMessages(String phone, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> graph.sentTo(phone, 0).size() >= count);
        return graph.sentTo(phone, 0).stream().map(GraphEmulator.Sent::body).toList();
    }

    /** The newest message sent to the phone after {@code already} earlier ones. */
    protected JsonNode next(String phone, int already) {
        List<JsonNode> all = awaitMessages(phone, already + 1);
        return all.get(already);
    }

    protected static String bodyText(JsonNode message) {
        return switch (message.path("type").asString("")) {
            case "text" -> message.path("text").path("body").asString("");
            case "interactive" -> message.path("interactive").path("body").path("text").asString("");
            case "document" -> message.path("document").path("caption").asString("");
            default -> message.toString();
        };
    }

    /** The ids of a list's rows or a button message's buttons. */
    protected static List<String> choices(JsonNode message) {
        JsonNode interactive = message.path("interactive");
        if ("button".equals(interactive.path("type").asString(""))) {
            return interactive.path("action").path("buttons").valueStream()
                    .map(b -> b.path("reply").path("id").asString()).toList();
        }
        return interactive.path("action").path("sections").valueStream()
                .flatMap(s -> s.path("rows").valueStream()).map(r -> r.path("id").asString()).toList();
    }
}
