package org.pramaan.verifier.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * The run script makes the bridge's verifier key before either service starts (32 letters and
 * digits, no prefix of ours): the verifier must take it as is, and keep taking it after a restart.
 */
class GivenBridgeKeyTest extends VerifierIntegrationTest {

    @Test
    void aBridgeKeyGivenByTheRunScriptIsAcceptedAndReplacesTheOldOne() throws Exception {
        String first = "Q2x4Rk9pZ3V0aW9uQnJpZGdlS2V5MDEy";
        String second = "bmV3QnJpZGdlS2V5RnJvbVRoZVNjcmlw";

        new DevApiKeys(apiKeys, propertiesWithBridgeKey(first)).createOnFirstStart();
        assertThat(status(first)).isEqualTo(200);

        new DevApiKeys(apiKeys, propertiesWithBridgeKey(second)).createOnFirstStart();
        assertThat(status(second)).isEqualTo(200);
        assertThat(status(first)).isEqualTo(401);
        assertThat(apiKeys.hasSecret(DevApiKeys.BRIDGE, second)).isTrue();
    }

    @Test
    void aShortGivenKeyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> apiKeys.issueWithSecret("someone", ApiKeyRole.CLIENT, 60, "short"))
                .hasMessageContaining("characters");
    }

    private int status(String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"qr\":\"NOT-A-CREDENTIAL\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static VerifierProperties propertiesWithBridgeKey(String key) {
        return new VerifierProperties(Path.of("target/test-home"), null, "", "dev", 0, 0, 0,
                Duration.ofMinutes(5), Duration.ofSeconds(90), Duration.ofSeconds(30), 0, key);
    }
}
