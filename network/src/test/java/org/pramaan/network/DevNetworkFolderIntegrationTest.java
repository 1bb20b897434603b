package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network given no folder makes a temporary one for its material and the chaincode server's work directory, and
 * removes it when it closes (every test JVM starts one: they piled up in /tmp); a folder it was given is the
 * caller's, and is kept.
 */
class DevNetworkFolderIntegrationTest {

    @Test
    void aTemporaryFolderGoesWithTheNetworkAGivenOneStays(@TempDir Path given) {
        DevNetworkSettings settings = DevNetworkSettings.fromSystemProperties().withDepartments(List.of("REV"));
        Path temporary;
        try (DevNetwork network = DevNetwork.start(settings)) {
            temporary = network.folder();
            assertThat(temporary.getFileName().toString()).startsWith("pramaan-network");
            assertThat(network.connectionFile()).exists();
        }
        assertThat(temporary).doesNotExist();

        try (DevNetwork network = DevNetwork.start(settings.withFolder(given.resolve("network")))) {
            assertThat(network.folder()).isEqualTo(given.resolve("network"));
        }
        assertThat(given.resolve("network")).isDirectory();
        assertThat(Files.exists(given.resolve("network").resolve("connection.json"))).isTrue();
    }
}
