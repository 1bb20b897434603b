package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.pramaan.network.chaincode.ChaincodeEndpoint;

/**
 * The chaincode-as-a-service package the chaincode build makes for real Fabric peers
 * ({@code chaincode/target/pramaan-ccaas.tgz}, see {@code network/fabric/README.md}) has the shape a
 * Fabric 2.5 peer accepts: regular files only (its package parser refuses any other tar entry),
 * {@code metadata.json} of type ccaas with a valid label, and {@code code.tar.gz} holding a
 * {@code connection.json} whose {@code tls_required} is a JSON boolean; and the development peer
 * reads that connection.json as it reads its own.
 */
class CcaasPackageTest {

    private static final Path PACKAGE = Path.of("..", "chaincode", "target", "pramaan-ccaas.tgz");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void packageHoldsMetadataAndTheConnectionAsFabricExpects() throws IOException {
        assertThat(PACKAGE).as("build it with: mvn -q -B -pl chaincode -am package -DskipTests").isRegularFile();

        Map<String, byte[]> outer = regularFiles(Files.readAllBytes(PACKAGE));
        assertThat(outer).containsOnlyKeys("metadata.json", "code.tar.gz");
        JsonNode metadata = JSON.readTree(outer.get("metadata.json"));
        assertThat(metadata.path("type").asText()).isEqualTo("ccaas");
        // Fabric's label rule (core/chaincode/persistence): alphanumerics, then [.+-_] separated runs.
        assertThat(metadata.path("label").asText()).matches("[a-zA-Z0-9]+([.+\\-_][a-zA-Z0-9]+)*");

        Map<String, byte[]> code = regularFiles(outer.get("code.tar.gz"));
        assertThat(code).containsOnlyKeys("connection.json");
        String connectionJson = new String(code.get("connection.json"), StandardCharsets.UTF_8);
        JsonNode connection = JSON.readTree(connectionJson);
        assertThat(connection.path("address").asText()).matches("[^:\\s]+:\\d+");
        assertThat(connection.path("tls_required").isBoolean()).as("tls_required is a JSON boolean").isTrue();
        assertThat(connection.path("client_auth_required").isBoolean()).isTrue();
        assertThat(connection.path("root_cert").isTextual()).isTrue();

        ChaincodeEndpoint endpoint = ChaincodeEndpoint.fromConnectionJson(connectionJson, "pramaan_1:0", "pramaan");
        assertThat(endpoint.address()).isEqualTo(connection.path("address").asText());
        assertThat(endpoint.dialTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(endpoint.tlsRequired()).isEqualTo(connection.path("tls_required").asBoolean());
    }

    /** The entries of a gzipped tar, failing on anything but a regular file, as Fabric's parser does. */
    private static Map<String, byte[]> regularFiles(byte[] tgz) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return files;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                char type = (char) header[156];
                assertThat(type).as("tar entry %s must be a regular file", path).isIn('0', '\0');
                int size = Integer.parseInt(field(header, 124, 12).trim(), 8);
                files.put(path, in.readNBytes(size));
                in.skipNBytes((512 - size % 512) % 512);
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
