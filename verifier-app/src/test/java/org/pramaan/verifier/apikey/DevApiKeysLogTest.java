package org.pramaan.verifier.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.verifier.config.VerifierProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A first start makes the administrator's and the bridge's keys: the log (collected, shipped, kept) names the
 * variables and the file holding them, never their values.
 */
@ExtendWith(OutputCaptureExtension.class)
class DevApiKeysLogTest {

    private static final String ADMIN_SECRET = "vk_AdminSecretNobodyMaySeeInALog01";
    private static final String BRIDGE_SECRET = "vk_BridgeSecretNobodyMaySeeInALog1";

    @Test
    void createdKeysAreNamedInTheLogAndOnlyWrittenToDevEnv(@TempDir Path home, CapturedOutput output)
            throws Exception {
        ApiKeys keys = mock(ApiKeys.class);
        when(keys.exists(any())).thenReturn(false);
        when(keys.issue(eq(DevApiKeys.ADMIN), any(), anyInt())).thenReturn(new IssuedApiKey(null, ADMIN_SECRET));
        when(keys.issue(eq(DevApiKeys.BRIDGE), any(), anyInt())).thenReturn(new IssuedApiKey(null, BRIDGE_SECRET));

        new DevApiKeys(keys, new VerifierProperties(home, null, "", "dev", 0, 0, 0, Duration.ofMinutes(5),
                Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "")).createOnFirstStart();

        assertThat(output.getAll()).doesNotContain(ADMIN_SECRET).doesNotContain(BRIDGE_SECRET)
                .doesNotContain("AdminSecret").doesNotContain("BridgeSecret")
                .contains("VERIFIER_ADMIN_KEY", "VERIFIER_API_KEY_BRIDGE", "dev.env");
        assertThat(Files.readString(home.resolve("dev.env")))
                .contains("VERIFIER_ADMIN_KEY='" + ADMIN_SECRET + "'", "VERIFIER_API_KEY_BRIDGE='" + BRIDGE_SECRET + "'");
    }
}
