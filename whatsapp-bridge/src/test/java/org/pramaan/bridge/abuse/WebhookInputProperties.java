package org.pramaan.bridge.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.webhook.WebhookSignature;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a holder of the app secret (Meta, or whoever took the secret) signs and posts to /webhook, the bridge
 * answers below 500 within the deadline, and a refused notification leaves nothing in the inbox. jqwik runs outside
 * Spring's JUnit extension, so the shared integration context is reached through a {@link TestContextManager}.
 */
class WebhookInputProperties {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Host host;

    @Property(tries = 80)
    void anySignedPayloadIsAnsweredBelow500AndARefusedOneStoresNothing(@ForAll("payloads") String body)
            throws Exception {
        Host h = host();
        long before = h.inbox();
        HttpResponse<String> answer = h.postSignedWithin(body);

        assertThat(answer.statusCode()).as(body).isBetween(200, 499);
        if (answer.statusCode() != 200) {
            assertThat(h.inbox()).as(body).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> shaped = envelope().map(JSON::writeValueAsString);
        Arbitrary<String> any = value(3).map(JSON::writeValueAsString);
        return Arbitraries.frequencyOf(Tuple.of(5, shaped), Tuple.of(3, any),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(80)));
    }

    /** Meta's envelope with any values where a message's fields go: the parser's deep paths get exercised. */
    private static Arbitrary<Object> envelope() {
        Arbitrary<Object> message = Arbitraries.maps(Arbitraries.of("from", "id", "timestamp", "type", "text",
                "interactive", "image", "document", "context", "button", "errors"), value(2)).ofMaxSize(7)
                .map(m -> (Object) m);
        Arbitrary<Object> value = Arbitraries.maps(Arbitraries.of("messaging_product", "metadata", "contacts",
                "messages", "statuses", "errors"), Arbitraries.oneOf(message.list().ofMaxSize(3).map(Object.class::cast),
                value(2))).ofMaxSize(5).map(m -> (Object) m);
        return value.map(v -> Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "1",
                "changes", List.of(Map.of("field", "messages", "value", v))))));
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15).map(Object.class::cast),
                Arbitraries.of("text", "interactive", "image", "document", "list_reply", "button_reply", "sent",
                        "delivered", "read", "failed").map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast)).injectNull(0.1);
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("body", "id", "title", "type", "from",
                "mime_type", "list_reply", "button_reply", "status", "recipient_id", "wa_id", "profile"),
                Arbitraries.strings().ofMaxLength(6));
        return Arbitraries.frequencyOf(Tuple.of(2, scalar),
                Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(Object.class::cast)),
                Tuple.of(3, Arbitraries.maps(keys, value(depth - 1)).ofMaxSize(4).map(m -> (Object) m)));
    }

    private static synchronized Host host() throws Exception {
        if (host == null) {
            Host fresh = new Host();
            new TestContextManager(Host.class).prepareTestInstance(fresh);
            host = fresh;
        }
        return host;
    }

    /** The shared integration context, reached without JUnit Jupiter. */
    static final class Host extends BridgeIntegrationTest {

        HttpResponse<String> postSignedWithin(String json) throws Exception {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(url("/webhook"))).timeout(DEADLINE)
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", new WebhookSignature(APP_SECRET).sign(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        long inbox() {
            return jdbc.queryForObject("SELECT count(*) FROM bridge.inbox", Long.class);
        }
    }
}
