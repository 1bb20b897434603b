package org.pramaan.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The simulator runs for days under ./pramaan up: what it keeps is bounded, in memory and on disk. */
class GraphEmulatorWindowTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path media;

    @Test
    void keepsTheLastWindowOfMessagesAndMediaFiles() throws IOException {
        GraphEmulator graph = new GraphEmulator(Clock.systemUTC(), media, 50);
        String firstMedia = null;
        for (int i = 0; i < 500; i++) {
            graph.accept(JSON.readTree("{\"messaging_product\":\"whatsapp\",\"to\":\"919000000001\",\"type\":\"text\","
                    + "\"text\":{\"body\":\"message " + i + "\"}}"));
            String id = graph.store(new byte[10_000], "application/pdf", "certificate-" + i + ".pdf");
            firstMedia = firstMedia == null ? id : firstMedia;
        }
        assertThat(graph.sent()).hasSize(50);
        assertThat(graph.sent().get(49).body().path("text").path("body").asString()).isEqualTo("message 499");
        assertThat(graph.sentTo("919000000001", 0)).hasSize(50);
        try (Stream<Path> files = Files.list(media)) {
            assertThat(files.count()).as("media files on disk").isEqualTo(50);
        }
        assertThat(graph.media(firstMedia)).as("the oldest medium is gone").isEmpty();
    }

    @Test
    void aStoredMediumIsServedBackFromDiskUnchanged() {
        GraphEmulator graph = new GraphEmulator(Clock.systemUTC(), media, 10);
        byte[] pdf = "%PDF-1.7 a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String id = graph.store(pdf, "application/pdf", "certificate.pdf");
        GraphEmulator.Media served = graph.media(id).orElseThrow();
        assertThat(served.bytes()).isEqualTo(pdf);
        assertThat(served.mimeType()).isEqualTo("application/pdf");
        assertThat(served.filename()).isEqualTo("certificate.pdf");
    }
}
