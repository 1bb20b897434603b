package org.pramaan.bridge.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.outbound.GraphApiException;
import org.pramaan.bridge.outbound.GraphClient;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bridge's media download against the Graph API emulator, as Meta's works: {@code GET /<media id>} for a signed URL
 * that expires, then the URL with the bearer token; an expired URL is asked for again, and the byte cap holds even
 * when the metadata understates the size.
 */
class MediaDownloadTest extends BridgeIntegrationTest {

    private static final long CAP = 1024 * 1024;

    @Autowired
    GraphClient client;

    @Test
    void downloadsThroughTheSignedUrl() {
        byte[] bytes = bytes(10_000);
        String id = graph.store(bytes, "application/pdf", "x.pdf");
        GraphClient.Media media = client.download(id, CAP, Duration.ofSeconds(10));
        assertThat(media.bytes()).isEqualTo(bytes);
        assertThat(media.mimeType()).isEqualTo("application/pdf");
    }

    @Test
    void anExpiredUrlIsFetchedAgain() {
        byte[] bytes = bytes(5_000);
        String id = graph.store(bytes, "image/jpeg", null);
        graph.expireUrls(1);
        assertThat(client.download(id, CAP, Duration.ofSeconds(10)).bytes()).isEqualTo(bytes);

        // Expired twice in a row: not fetched a third time.
        graph.expireUrls(2);
        assertThatThrownBy(() -> client.download(id, CAP, Duration.ofSeconds(10)))
                .isInstanceOf(GraphApiException.class).hasMessageContaining("404");
        graph.expireUrls(0);
    }

    @Test
    void anUnsignedOrForgedUrlIsRefused() throws Exception {
        String id = graph.store(bytes(100), "image/jpeg", null);
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                url("/simulator/graph/download/" + id + "?expires=99999999999&signature=00"))).header(
                "Authorization", "Bearer test-access-token").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(401, 404);
    }

    @Test
    void theByteCapHoldsWhateverTheMetadataClaims() {
        byte[] big = bytes((int) CAP + 1);
        String stated = graph.store(big, "image/jpeg", null);
        assertThatThrownBy(() -> client.download(stated, CAP, Duration.ofSeconds(10)))
                .isInstanceOf(GraphClient.MediaTooLargeException.class);

        String understated = graph.store(big, "image/jpeg", null);
        graph.reportSize(understated, 1_000);
        assertThatThrownBy(() -> client.download(understated, CAP, Duration.ofSeconds(10)))
                .isInstanceOf(GraphClient.MediaTooLargeException.class);

        byte[] exact = bytes((int) CAP);
        String fits = graph.store(exact, "image/jpeg", null);
        assertThat(client.download(fits, CAP, Duration.ofSeconds(10)).bytes()).isEqualTo(exact);
    }

    @Test
    void unknownMediaIsAGraphError() {
        assertThatThrownBy(() -> client.download("1999999999999", CAP, Duration.ofSeconds(10)))
                .isInstanceOf(GraphApiException.class);
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
