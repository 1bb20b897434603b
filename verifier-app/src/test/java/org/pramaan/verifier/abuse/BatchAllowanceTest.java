package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.apikey.ApiKeyRole;
import org.pramaan.verifier.support.RawHttp;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * Finding 4: an anonymous batch larger than the anonymous allowance was told "429, retry after 1 s"
 * forever. What waiting cannot fix is a 422 that names the limit and the way to an API key; a 429
 * says how long until enough of the allowance is back.
 */
class BatchAllowanceTest extends VerifierIntegrationTest {

    @Test
    void anAnonymousBatchOverTheAllowanceIsRefusedForGoodWith422() throws Exception {
        // The test profile allows 200 a minute; from 127.0.0.4, so other tests' allowance is untouched.
        String body = JSON.writeValueAsString(Map.of("qrs", Collections.nCopies(201, "HELLO")));

        RawHttp.Answer answer = RawHttp.chunked("127.0.0.4", port, "/api/v1/verify/batch", "application/json", "", 1,
                i -> body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.header("Retry-After")).isNull();
        assertThat(answer.body()).contains("200").contains("API key");
    }

    @Test
    void aKeyedBatchOverTheKeysRateIsRefusedForGoodWith422() throws Exception {
        String key = apiKeys.issue("small-bank", ApiKeyRole.CLIENT, 10).secret();

        HttpResponse<String> answer = batch(key, 11);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("10");
    }

    @Test
    void aBatchThatFitsLaterGetsAnHonestRetryAfter() throws Exception {
        String key = apiKeys.issue("patient-bank", ApiKeyRole.CLIENT, 10).secret();
        assertThat(batch(key, 8).statusCode()).isEqualTo(200);

        HttpResponse<String> answer = batch(key, 8);

        // 1 token left after the filter's; 7 more at 10 a minute is about 36 s.
        assertThat(answer.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(20L, 60L);
        assertThat(answer.body()).contains(Long.toString(retryAfter));
    }

    private HttpResponse<String> batch(String key, int size) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/verify/batch"))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("qrs", Collections.nCopies(size, "HELLO")))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
