package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One renderer shared by the issuance pipeline's threads must give each of them the same document,
 * byte for byte: rendering is deterministic, so any interference between threads shows.
 */
class ConcurrentRenderingTest {

    @Test
    void rendersTheSameBytesFromManyThreadsAtOnce() throws Exception {
        CertificatePdfRenderer renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        TestCertificates samples = new TestCertificates();
        List<CertificateDocument> documents = List.of(samples.telugu(), samples.hindi(), samples.english());
        List<byte[]> expected = documents.stream().map(renderer::render).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            List<Integer> which = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                CertificateDocument document = documents.get(i % documents.size());
                results.add(pool.submit((Callable<byte[]>) () -> renderer.render(document)));
                which.add(i % documents.size());
            }
            for (int i = 0; i < results.size(); i++) {
                // Compared by content, not printed: a failure must not dump 50 KB of bytes.
                assertThat(Arrays.equals(results.get(i).get(), expected.get(which.get(i))))
                        .as("render %d is byte-identical to the single-threaded one", i).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
