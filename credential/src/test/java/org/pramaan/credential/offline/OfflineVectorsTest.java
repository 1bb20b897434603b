package org.pramaan.credential.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java offline verifier passes every committed vector (the same files the server's tests and the
 * browser verifier's Node tests read), and the generator still makes vectors that pass.
 */
class OfflineVectorsTest {

    static final Path DIRECTORY = Path.of("src/test/resources/offline-vectors");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> theJavaOfflineVerifierPassesEveryCommittedVector() throws IOException {
        List<Path> files = files(DIRECTORY);
        assertThat(files).as("the committed vectors").hasSizeGreaterThanOrEqualTo(9);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(JSON.readTree(file.toFile()))));
    }

    @Test
    void theGeneratorStillMakesVectorsThatPassWithTheSameExpectations(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        OfflineVectorGenerator.write(temp);
        List<Path> made = files(temp);
        assertThat(made.stream().map(Path::getFileName).map(Path::toString))
                .containsExactlyElementsOf(files(DIRECTORY).stream().map(Path::getFileName).map(Path::toString).toList());
        for (Path file : made) {
            JsonNode fresh = JSON.readTree(file.toFile());
            JsonNode committed = JSON.readTree(DIRECTORY.resolve(file.getFileName()).toFile());
            assertThat(fresh.get("expected")).as(file.toString()).isEqualTo(committed.get("expected"));
            assertThat(fresh.get("receiptKey")).as("fixed keys: " + file).isEqualTo(committed.get("receiptKey"));
            check(fresh);
        }
    }

    /** Runs one vector: a bundle that does not verify is UNAVAILABLE / BUNDLE_SIGNATURE, as the format says. */
    static void check(JsonNode vector) throws Exception {
        PublicKey receiptKey = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(vector.get("receiptKey").asText())));
        byte[] bundleBytes = Base64.getDecoder().decode(vector.get("bundle").asText());
        Clock clock = Clock.fixed(Instant.ofEpochSecond(vector.get("now").asLong()), ZoneOffset.UTC);
        JsonNode expected = vector.get("expected");
        String name = vector.get("name").asText();
        OfflineBundle bundle;
        try {
            bundle = OfflineBundle.read(bundleBytes, receiptKey);
        } catch (InvalidBundleException e) {
            assertThat(e.reason()).as(name).isEqualTo(InvalidBundleException.Reason.SIGNATURE);
            assertThat(expected.get("status").asText()).as(name).isEqualTo("UNAVAILABLE");
            assertThat(expected.get("reason").asText()).as(name).isEqualTo("BUNDLE_SIGNATURE");
            return;
        }
        OfflineCheck check = new OfflineVerifier(bundle, clock).verify(vector.get("qr").asText());
        assertThat(check.status().name()).as(name + ": " + check.reason()).isEqualTo(expected.get("status").asText());
        assertThat(check.code().orElse(null)).as(name).isEqualTo(expected.has("reason") ? expected.get("reason").asText() : null);
        assertThat(check.reconnect()).as(name).isEqualTo(expected.get("reconnect").asBoolean());
        assertThat(check.revocationsAsOf()).isEqualTo(bundle.builtAt());
    }

    static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
