package org.pramaan.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A test service's home (keys, dev.env, S3Proxy's objects) in a temporary folder removed when the test JVM ends: a home
 * holds tens of megabytes of PDFs after a run, and each full run left several behind. Removed at exit, not after the
 * class, because Spring keeps a test's context (and its S3Proxy writing there) open until then; the embedded
 * PostgreSQL keeps its data elsewhere, so nothing still running loses its files before it stops.
 */
public final class TestHome {

    private TestHome() {
    }

    public static Path create(String prefix) {
        try {
            Path home = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(home), prefix + "-removal"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path home) {
        try {
            FileSystemUtils.deleteRecursively(home);
        } catch (IOException e) {
            // S3Proxy may still be writing as the JVM ends; a folder left in /tmp is not worth failing for.
        }
    }
}
