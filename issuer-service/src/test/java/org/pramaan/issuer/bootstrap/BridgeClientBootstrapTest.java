package org.pramaan.issuer.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.security.ApiClients;
import org.pramaan.issuer.security.ApiKeyHash;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The run script's shared bridge secret is the one the issuer accepts; nothing else is invented for it. */
class BridgeClientBootstrapTest extends IntegrationTest {

    @Autowired
    DevCredentials devCredentials;

    @Autowired
    ApiClients clients;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void theBridgeSignsInWithTheSecretFromTheEnvironment() throws Exception {
        assertThat(bridge().get("/api/v1/applications?phoneNumber=919000000201").status()).isEqualTo(200);
        ApiClients.ApiClient client = clients.find(BRIDGE_CLIENT_ID).orElseThrow();
        assertThat(client.kind()).isEqualTo(Caller.Kind.BRIDGE);
        assertThat(client.allDepartments()).isTrue();
        // The script keeps the secret in dev.env itself; a second, invented one would shadow it.
        assertThat(Files.readString(HOME.resolve("dev.env"))).doesNotContain("ISSUER_BRIDGE_CLIENT_SECRET")
                .contains("ISSUER_ADMIN_PASSWORD");
    }

    @Test
    void aChangedSecretInTheEnvironmentReplacesTheStoredOneOnStart() {
        // A row as it was before SHA-256 lookups: a BCrypt hash of another secret.
        clients.update(new ApiClients.ApiClient(BRIDGE_CLIENT_ID, null, encoder.encode("an-older-secret"),
                Caller.Kind.DEPARTMENT_SYSTEM, Set.of(), false));
        assertThat(clients.find(BRIDGE_CLIENT_ID).orElseThrow().secretSha256()).isNull();
        devCredentials.run(null);
        ApiClients.ApiClient client = clients.find(BRIDGE_CLIENT_ID).orElseThrow();
        assertThat(client.secretSha256()).isEqualTo(ApiKeyHash.of(BRIDGE_CLIENT_SECRET));
        assertThat(client.legacyBcrypt()).isNull();
        assertThat(client.kind()).isEqualTo(Caller.Kind.BRIDGE);
        assertThat(client.allDepartments()).isTrue();
    }
}
