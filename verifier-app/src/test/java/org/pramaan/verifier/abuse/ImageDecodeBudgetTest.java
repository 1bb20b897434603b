package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.support.CertificateImages;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * Finding 2: a blank 49-megapixel PNG (62 KB) cost 18 s of CPU, four in parallel 2.3 GB. Decoding has a
 * pixel and time budget, and only a few decodes run at once; the rest are told at once to come back.
 */
class ImageDecodeBudgetTest extends VerifierIntegrationTest {

    private static final byte[] BLANK_49_MP = CertificateImages.png(new BufferedImage(7000, 7000, BufferedImage.TYPE_BYTE_GRAY));

    @Test
    void fourParallelBombsGetAtMostTheDecodeSlotsAndTheRestA503() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return uploadFile("/api/v1/verify/image", "blank.png", "image/png", BLANK_49_MP, clientKey(),
                            Duration.ofSeconds(90));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        List<HttpResponse<String>> done = answers.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> busy = done.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(busy).as("answers: %s", done.stream().map(HttpResponse::statusCode).toList()).isNotEmpty();
        assertThat(busy).allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
        assertThat(done).noneMatch(r -> r.statusCode() >= 500 && r.statusCode() != 503);
    }

    @Test
    void anImageOverThePixelBudgetIsRefusedFromItsHeader() throws Exception {
        byte[] huge = CertificateImages.png(new BufferedImage(12_000, 6_000, BufferedImage.TYPE_BYTE_BINARY));

        HttpResponse<String> answer = uploadFile("/api/v1/verify/image", "huge.png", "image/png", huge, clientKey(),
                Duration.ofSeconds(20));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("pixels");
    }
}
