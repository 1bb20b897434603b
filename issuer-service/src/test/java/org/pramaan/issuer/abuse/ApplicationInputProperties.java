package org.pramaan.issuer.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Whatever the signed-in bridge posts as an application, issuer-service answers below 500 within the deadline, and a refused application is not stored. jqwik runs outside Spring's JUnit extension,
 * so the shared integration context is reached through a {@link TestContextManager}.
 */
class ApplicationInputProperties {

    private static final java.time.Duration DEADLINE = java.time.Duration.ofSeconds(30);
    private static Host host;

    @Property(tries = 60)
    void anyApplicationIsAnsweredBelow500AndARefusedOneStoresNothing(@ForAll("applications") Map<String, Object> body)
            throws Exception {
        Host h = host();
        long before = h.applications();
        // ApiClient sets no timeout of its own: the deadline is held here.
        Answer answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> h.submit(body))
                .get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        assertThat(answer.status()).as(body.toString()).isBetween(200, 499);
        if (answer.status() >= 300) {
            assertThat(h.applications()).as(body.toString()).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> applications() {
        Arbitrary<Object> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.strings().numeric().ofMaxLength(14).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast)).injectNull(0.1);
        Arbitrary<Object> fields = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of("nm", "ai", "ah", "pc", "ct",
                "db"), Arbitraries.strings().ofMaxLength(5)), text).ofMaxSize(8).map(m -> (Object) m);
        Arbitrary<Object> service = Arbitraries.oneOf(Arbitraries.of("REV-INCOME", "REV-CASTE").map(Object.class::cast),
                text);
        Arbitrary<Object> language = Arbitraries.oneOf(Arbitraries.of("en", "te", "hi").map(Object.class::cast), text);
        return Arbitraries.maps(Arbitraries.of("serviceCode", "language", "phoneNumber", "fields",
                "channelReference"), Arbitraries.frequencyOf(Tuple.of(3, text), Tuple.of(1, fields),
                Tuple.of(1, service), Tuple.of(1, language))).ofMaxSize(5);
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
    static final class Host extends IntegrationTest {

        @Autowired
        JdbcClient jdbc;

        Answer submit(Map<String, Object> body) {
            return bridge().post("/api/v1/applications", body);
        }

        long applications() {
            return jdbc.sql("SELECT count(*) FROM issuer.application").query(Long.class).single();
        }
    }
}
