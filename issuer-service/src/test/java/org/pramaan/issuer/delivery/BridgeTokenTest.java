package org.pramaan.issuer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.issuer.IssuerProperties;

class BridgeTokenTest {

    @TempDir
    Path home;

    @Test
    void aConfiguredTokenIsUsedAsGivenAndNothingIsMadeOrWritten() {
        // ./pramaan up makes BRIDGE_TOKEN once and hands the same value to the bridge.
        assertThat(new BridgeToken(properties("Shared0Token0From0The0RunScript", true)).value())
                .isEqualTo("Shared0Token0From0The0RunScript");
        assertThat(home.resolve("bridge-token")).doesNotExist();
        assertThat(home.resolve("dev.env")).doesNotExist();
    }

    @Test
    void developmentMakesOneTokenKeepsItAndWritesItToDevEnvOnce() throws Exception {
        String first = new BridgeToken(properties("", true)).value();
        String second = new BridgeToken(properties("", true)).value();
        assertThat(first).hasSize(48).isEqualTo(second);
        assertThat(Files.readAllLines(home.resolve("dev.env"))).containsExactly("BRIDGE_TOKEN='" + first + "'");
    }

    @Test
    void productionWithoutATokenDoesNotStart() {
        assertThatThrownBy(() -> new BridgeToken(properties("", false))).hasMessageContaining("BRIDGE_TOKEN");
    }

    private IssuerProperties properties(String token, boolean development) {
        return new IssuerProperties(home, "https://v", "http://i", new IssuerProperties.Catalog("x"),
                new IssuerProperties.Ledger(java.nio.file.Path.of("connection.json"), new IssuerProperties.LedgerDeadlines(null, null, null, null), 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 20, Duration.ofMinutes(5)),
                new IssuerProperties.Keys(true, Map.of(), Map.of()),
                new IssuerProperties.Bridge("http://b", token, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 20, Duration.ofMinutes(2), Duration.ofSeconds(10)), development);
    }
}
