package org.pramaan.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevEnvironmentTest {

    @TempDir
    Path home;

    @Test
    void writesMissingSettingsOnceAndReadsOtherServicesSettings() throws IOException {
        Path file = home.resolve("sub/dev.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "ISSUER_BRIDGE_CLIENT_SECRET='abc'\nexport VERIFIER_API_KEY_BRIDGE=\"k1\"\n");
        Map<String, Object> first = DevEnvironment.load(file, Map.of("BRIDGE_TOKEN", "from-env"));
        assertThat(first).containsEntry("ISSUER_BRIDGE_CLIENT_SECRET", "abc").containsEntry("VERIFIER_API_KEY_BRIDGE", "k1")
                .containsKeys("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID")
                .doesNotContainKey("BRIDGE_TOKEN");
        String written = Files.readString(file);
        assertThat(written).contains("WHATSAPP_APP_SECRET='").doesNotContain("BRIDGE_TOKEN");

        Map<String, Object> second = DevEnvironment.load(file, Map.of("BRIDGE_TOKEN", "from-env"));
        assertThat(second.get("WHATSAPP_APP_SECRET")).isEqualTo(first.get("WHATSAPP_APP_SECRET"));
        assertThat(Files.readString(file)).isEqualTo(written);
    }
}
