package org.pramaan.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Department systems' keys and the bridge's secret are found by their SHA-256, not BCrypt; a client stored before
 * that (BCrypt only) still signs in, and its row is upgraded by the first right key it presents.
 */
class ClientKeyHashTest extends IntegrationTest {

    @Autowired
    ApiClients clients;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void aDepartmentSystemsKeyIsStoredAsItsSha256AndWorks() {
        String key = devEnv().get("ISSUER_DEPT_SYSTEM_REV_KEY");
        String id = key.substring(0, key.indexOf('.'));
        String secret = key.substring(key.indexOf('.') + 1);
        assertThat(departmentSystem("REV").get("/api/v1/applications/queue").status()).isEqualTo(200);
        assertThat(ApiClient.bearer(port, key).get("/api/v1/applications/queue").status())
                .as("the same key as a bearer value").isEqualTo(200);
        var row = jdbc.sql("SELECT secret_sha256, secret_hash FROM issuer.api_client WHERE client_id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(row[0]).isEqualTo(ApiKeyHash.of(secret)).hasSize(64);
        assertThat(row[1]).as("no BCrypt hash for a key made now").isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.api_client WHERE secret_sha256 = ? OR secret_hash = ?")
                .params(secret, secret).query(Long.class).single()).as("never the key itself").isZero();
    }

    @Test
    void theBridgesSecretIsCheckedByItsSha256() {
        assertThat(bridge().get("/api/v1/applications?phoneNumber=919000000202").status()).isEqualTo(200);
        assertThat(clients.find(BRIDGE_CLIENT_ID).orElseThrow().secretSha256())
                .isEqualTo(ApiKeyHash.of(BRIDGE_CLIENT_SECRET));
        assertThat(ApiClient.basic(port, BRIDGE_CLIENT_ID, BRIDGE_CLIENT_SECRET + "x")
                .get("/api/v1/applications?phoneNumber=919000000202").status()).isEqualTo(401);
    }

    @Test
    void aClientStoredWithBcryptSignsInOnceWithBcryptAndIsUpgraded() {
        String id = "legacy-system";
        String secret = "Legacy0Key0Made0Before0Sha2560Lookups0Existed";
        if (clients.find(id).isEmpty()) {
            clients.create(new ApiClients.ApiClient(id, null, encoder.encode(secret), Caller.Kind.DEPARTMENT_SYSTEM,
                    Set.of(DepartmentCode.of("REV")), false), clock.instant());
        }
        // A wrong key changes nothing.
        ApiClient.Answer wrong = ApiClient.apiKey(port, id + ".not-the-key").get("/api/v1/applications/queue");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(clients.find(id).orElseThrow().secretSha256()).isNull();
        assertThat(clients.find(id).orElseThrow().legacyBcrypt()).isNotNull();

        assertThat(ApiClient.apiKey(port, id + "." + secret).get("/api/v1/applications/queue").status()).isEqualTo(200);
        ApiClients.ApiClient upgraded = clients.find(id).orElseThrow();
        assertThat(upgraded.secretSha256()).isEqualTo(ApiKeyHash.of(secret));
        assertThat(upgraded.legacyBcrypt()).as("the BCrypt hash is dropped").isNull();
        assertThat(ApiClient.apiKey(port, id + "." + secret).get("/api/v1/applications/queue").status()).isEqualTo(200);
        assertThat(ApiClient.apiKey(port, id + ".not-the-key").get("/api/v1/applications/queue").status()).isEqualTo(401);
    }
}
