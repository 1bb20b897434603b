package org.pramaan.issuer.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Machine clients (the bridge, department systems), their departments and the SHA-256 of their secret
 * ({@link ApiKeyHash}); rows made before that keep a BCrypt hash until the secret is next presented.
 */
@Repository
public class ApiClients {

    /**
     * {@code departments} empty with {@code allDepartments}: the bridge, which serves every department.
     *
     * @param secretSha256 hex SHA-256 of the secret; null only on a row not yet upgraded from BCrypt
     * @param legacyBcrypt the BCrypt hash of a row made before SHA-256 lookups; null once upgraded
     */
    public record ApiClient(String clientId, String secretSha256, String legacyBcrypt, Caller.Kind kind,
                            Set<DepartmentCode> departments, boolean allDepartments) {

        /** A client whose secret is stored as its SHA-256. */
        public static ApiClient withSecret(String clientId, String secret, Caller.Kind kind,
                                           Set<DepartmentCode> departments, boolean allDepartments) {
            return new ApiClient(clientId, ApiKeyHash.of(secret), null, kind, departments, allDepartments);
        }

        public Caller caller() {
            return new Caller(clientId, kind, departments, allDepartments);
        }
    }

    private final JdbcClient jdbc;

    public ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiClient> find(String clientId) {
        return jdbc.sql("SELECT client_id, secret_sha256, secret_hash, kind, departments FROM issuer.api_client"
                        + " WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> {
                    String departments = rs.getString(5);
                    boolean all = "*".equals(departments);
                    Set<DepartmentCode> codes = all || departments.isBlank() ? Set.of()
                            : Arrays.stream(departments.split(",")).map(DepartmentCode::of).collect(Collectors.toSet());
                    return new ApiClient(rs.getString(1), rs.getString(2), rs.getString(3),
                            Caller.Kind.valueOf(rs.getString(4)), codes, all);
                })
                .optional();
    }

    /** Replaces a client's secret, kind and departments (a secret handed in from outside changed). */
    public void update(ApiClient client) {
        jdbc.sql("UPDATE issuer.api_client SET secret_sha256 = ?, secret_hash = ?, kind = ?, departments = ?"
                        + " WHERE client_id = ?")
                .params(client.secretSha256(), client.legacyBcrypt(), client.kind().name(), departments(client),
                        client.clientId())
                .update();
    }

    /**
     * Stores the SHA-256 of a secret just checked against the row's BCrypt hash, and drops that hash; only if
     * the row still holds it (a concurrent change of the secret wins).
     */
    public boolean upgrade(String clientId, String legacyBcrypt, String secretSha256) {
        return jdbc.sql("UPDATE issuer.api_client SET secret_sha256 = ?, secret_hash = NULL"
                        + " WHERE client_id = ? AND secret_hash = ?")
                .params(secretSha256, clientId, legacyBcrypt)
                .update() == 1;
    }

    public void create(ApiClient client, Instant now) {
        jdbc.sql("INSERT INTO issuer.api_client (client_id, secret_sha256, secret_hash, kind, departments, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(client.clientId(), client.secretSha256(), client.legacyBcrypt(), client.kind().name(),
                        departments(client), Timestamp.from(now))
                .update();
    }

    private static String departments(ApiClient client) {
        return client.allDepartments() ? "*"
                : client.departments().stream().map(DepartmentCode::value).sorted().collect(Collectors.joining(","));
    }
}
