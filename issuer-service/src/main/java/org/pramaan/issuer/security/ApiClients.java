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

/** Machine clients (the bridge, department systems) with BCrypt-hashed secrets and their departments. */
@Repository
public class ApiClients {

    /** {@code departments} empty with {@code allDepartments}: the bridge, which serves every department. */
    public record ApiClient(String clientId, String secretHash, Caller.Kind kind, Set<DepartmentCode> departments,
                            boolean allDepartments) {

        public Caller caller() {
            return new Caller(clientId, kind, departments, allDepartments);
        }
    }

    private final JdbcClient jdbc;

    public ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiClient> find(String clientId) {
        return jdbc.sql("SELECT client_id, secret_hash, kind, departments FROM issuer.api_client WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> {
                    String departments = rs.getString(4);
                    boolean all = "*".equals(departments);
                    Set<DepartmentCode> codes = all || departments.isBlank() ? Set.of()
                            : Arrays.stream(departments.split(",")).map(DepartmentCode::of).collect(Collectors.toSet());
                    return new ApiClient(rs.getString(1), rs.getString(2), Caller.Kind.valueOf(rs.getString(3)), codes, all);
                })
                .optional();
    }

    /** Replaces a client's secret hash, kind and departments (a secret handed in from outside changed). */
    public void update(ApiClient client) {
        jdbc.sql("UPDATE issuer.api_client SET secret_hash = ?, kind = ?, departments = ? WHERE client_id = ?")
                .params(client.secretHash(), client.kind().name(), departments(client), client.clientId())
                .update();
    }

    public void create(ApiClient client, Instant now) {
        jdbc.sql("INSERT INTO issuer.api_client (client_id, secret_hash, kind, departments, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(client.clientId(), client.secretHash(), client.kind().name(), departments(client),
                        Timestamp.from(now))
                .update();
    }

    private static String departments(ApiClient client) {
        return client.allDepartments() ? "*"
                : client.departments().stream().map(DepartmentCode::value).sorted().collect(Collectors.joining(","));
    }
}
