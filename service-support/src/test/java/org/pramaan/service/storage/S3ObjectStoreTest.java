package org.pramaan.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.service.devsettings.DevSettingsFile;
import org.pramaan.service.problem.ProblemCode;

/** The S3 store against a real S3Proxy process (filesystem backend), started from the jar the build resolved. */
class S3ObjectStoreTest {

    static Path folder;
    static EmbeddedS3Proxy proxy;
    static S3ObjectStore store;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createTempDirectory("s3proxy-test").resolve("objects");
        proxy = EmbeddedS3Proxy.start(jar(), folder, 0);
        store = new S3ObjectStore(proxy.settings("pramaan")).createBucketIfMissing();
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    static Path jar() {
        String jar = System.getProperty("pramaan.s3proxy.jar");
        assertThat(jar).as("the build sets pramaan.s3proxy.jar (root pom)").isNotBlank();
        return Path.of(jar);
    }

    @Test
    void whatIsPutComesBackCheckedAndIsAPlainFileOnDisk() throws IOException {
        byte[] pdf = new byte[48_000];
        new Random(7).nextBytes(pdf);
        StoredObject stored = store.put("certificates/REV/REV-INC-2026-ROUNDTRIP.pdf", pdf, "application/pdf");

        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256()).isEqualTo(StoredObject.sha256(pdf));
        assertThat(store.get(stored)).isEqualTo(pdf);
        assertThat(Files.readAllBytes(folder.resolve("pramaan/certificates/REV/REV-INC-2026-ROUNDTRIP.pdf")))
                .isEqualTo(pdf);
    }

    @Test
    void anObjectChangedOnDiskIsRefusedNotServed() throws IOException {
        byte[] pdf = "%PDF-1.7 the genuine certificate".getBytes(StandardCharsets.US_ASCII);
        StoredObject stored = store.put("certificates/REV/REV-INC-2026-TAMPERED.pdf", pdf, "application/pdf");
        Path file = folder.resolve("pramaan/certificates/REV/REV-INC-2026-TAMPERED.pdf");
        byte[] changed = pdf.clone();
        changed[10] = 'X';
        Files.write(file, changed);

        assertThatThrownBy(() -> store.get(stored)).isInstanceOfSatisfying(StoredObjectCorruptException.class,
                e -> assertThat(e.code()).isEqualTo(ProblemCode.STORED_OBJECT_CORRUPT));
    }

    @Test
    void aMissingObjectIsRefusedAsCorrupt() {
        StoredObject never = StoredObject.of("certificates/REV/REV-INC-2026-NEVER.pdf", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> store.get(never)).isInstanceOf(StoredObjectCorruptException.class);
    }

    @Test
    void aStoreThatIsDownIsUnavailableAndBackWhenItIs() {
        byte[] before = "before".getBytes(StandardCharsets.US_ASCII);
        StoredObject stored = store.put("outage/before", before, "text/plain");
        proxy.stop();
        try {
            assertThatThrownBy(() -> store.put("outage/during", new byte[] {1}, "text/plain"))
                    .isInstanceOfSatisfying(ObjectStoreUnavailableException.class, e -> {
                        assertThat(e.code()).isEqualTo(ProblemCode.OBJECT_STORE_UNAVAILABLE);
                        assertThat(e.retryAfter()).isPresent();
                    });
            assertThatThrownBy(() -> store.get(stored)).isInstanceOf(ObjectStoreUnavailableException.class);
        } finally {
            proxy.start();
        }
        assertThat(store.get(stored)).isEqualTo(before);
        assertThat(Files.exists(folder.resolve("pramaan/outage/during"))).as("nothing half-written").isFalse();
    }

    @Test
    void deleteRemovesTheObject() {
        StoredObject stored = store.put("sweep/orphan", new byte[] {9}, "application/octet-stream");
        store.delete("sweep/orphan");
        assertThatThrownBy(() -> store.get(stored)).isInstanceOf(StoredObjectCorruptException.class);
        store.delete("sweep/orphan");
    }

    @Test
    void theRunScriptsSettingsGoToDevEnvOnceAndKeepTheirCredentials(@TempDir Path home) throws IOException {
        Path conf = S3ProxySetupMain.setUp(home, 9100);
        Map<String, String> first = DevSettingsFile.in(home).read();
        assertThat(first).containsEntry("STORAGE_ENDPOINT", "http://127.0.0.1:9100")
                .containsEntry("STORAGE_BUCKET", "pramaan").containsKeys("STORAGE_ACCESS_KEY", "STORAGE_SECRET_KEY");
        assertThat(Files.readString(conf)).contains("s3proxy.credential=" + first.get("STORAGE_SECRET_KEY"))
                .contains("jclouds.filesystem.basedir=" + home.resolve("objects").toAbsolutePath())
                .contains("s3proxy.endpoint=http://127.0.0.1:9100");
        assertThat(Files.getPosixFilePermissions(conf)).hasSize(2);

        S3ProxySetupMain.setUp(home, 9101);
        Map<String, String> again = DevSettingsFile.in(home).read();
        assertThat(again.get("STORAGE_SECRET_KEY")).isEqualTo(first.get("STORAGE_SECRET_KEY"));
        assertThat(again.get("STORAGE_ENDPOINT")).isEqualTo("http://127.0.0.1:9101");
    }
}
