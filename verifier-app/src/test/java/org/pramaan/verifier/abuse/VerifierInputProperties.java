package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.test.context.TestContextManager;

/**
 * Whatever a client sends to the JSON and multipart endpoints, the verifier answers, below 500 and
 * within the deadline, and shows no implementation detail. jqwik runs outside Spring's JUnit
 * extension, so the shared integration context is fetched through a {@link TestContextManager}: the
 * same configuration as every {@link VerifierIntegrationTest}, so the same cached context.
 */
class VerifierInputProperties {

    /** Longest any answer may take: the decode deadline plus generous room for a loaded machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static Host host;

    @Property(tries = 80)
    void anyJsonToVerifyIsAnsweredBelow500(@ForAll("jsonBodies") String body) throws Exception {
        HttpResponse<String> answer = host().postJson("/api/v1/verify", body);

        assertThat(answer.statusCode()).as(body).isBetween(200, 499);
        PublicAnswersTest.assertNoInternals(answer.body());
    }

    @Property(tries = 80)
    void anyJsonToBatchIsAnsweredBelow500(@ForAll("jsonBodies") String body) throws Exception {
        HttpResponse<String> answer = host().postJson("/api/v1/verify/batch", body);

        assertThat(answer.statusCode()).as(body).isBetween(200, 499);
        PublicAnswersTest.assertNoInternals(answer.body());
    }

    @Property(tries = 40)
    void anyBytesAsAnUploadAreAnsweredBelow500(@ForAll("magic") byte[] magic, @ForAll @Size(max = 4096) byte[] rest)
            throws Exception {
        byte[] file = new byte[magic.length + rest.length];
        System.arraycopy(magic, 0, file, 0, magic.length);
        System.arraycopy(rest, 0, file, magic.length, rest.length);

        HttpResponse<String> answer = host().upload(file);

        // 503 is the bulkhead's "come back in a moment", the one 5xx a client is meant to see.
        assertThat(answer.statusCode()).isBetween(200, 499);
        PublicAnswersTest.assertNoInternals(answer.body());
    }

    @Provide
    Arbitrary<byte[]> magic() {
        return Arbitraries.of(new byte[0], new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Provide
    Arbitrary<String> jsonBodies() {
        Arbitrary<String> json = value(3).map(v -> VerifierIntegrationTest.JSON_MAPPER.writeValueAsString(v));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, json),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(80)));
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(Object.class::cast),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567/:.C").ofMaxLength(120)
                        .map(s -> (Object) ("https://verify.example/C/" + s)),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast)).injectNull(0.1);
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("qr", "qrs", "receipt"), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(5).map(Object.class::cast);
        Arbitrary<Object> map = Arbitraries.maps(keys, value(depth - 1)).ofMaxSize(4).map(m -> (Object) m);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(2, list),
                net.jqwik.api.Tuple.of(3, map));
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
    static final class Host extends VerifierIntegrationTest {

        HttpResponse<String> postJson(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path))
                    .timeout(DEADLINE)
                    .header("Content-Type", "application/json")
                    .header("X-Api-Key", clientKey())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(byte[] file) throws Exception {
            return uploadFile("/api/v1/verify/image", "upload.bin", "application/octet-stream", file, clientKey(), DEADLINE);
        }
    }

}
