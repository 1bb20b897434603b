package org.pramaan.issuer.bootstrap;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.Department;
import org.pramaan.issuer.security.ApiClients;
import org.pramaan.issuer.security.ApiKeyHash;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.Officers;
import org.pramaan.service.devsettings.DevSettingsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Development sign-ins, made on first start when missing: an officer per department, an admin, the
 * bridge's client and a system client per issuing department. Their secrets exist in clear only
 * in {@code PRAMAAN_HOME/dev.env} ({@link DevSettingsFile}, mode 600); the log names the variables,
 * never their values; the database keeps BCrypt hashes of passwords and SHA-256 hashes of client keys (random, 240 bits). The bridge's secret is the exception when the run script hands one
 * in ({@link BridgeClientProperties}): then the client is created, or its hash updated, with exactly
 * that secret, and nothing is written (the script keeps it in dev.env already).
 */
@Component
@Order(2)
public class DevCredentials implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DevCredentials.class);

    private final SecureRandom random = new SecureRandom();
    private final Catalog catalog;
    private final Officers officers;
    private final ApiClients clients;
    private final PasswordEncoder encoder;
    private final IssuerProperties properties;
    private final BridgeClientProperties bridge;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public DevCredentials(Catalog catalog, Officers officers, ApiClients clients, PasswordEncoder encoder,
                          IssuerProperties properties, BridgeClientProperties bridge, Clock clock,
                          TransactionTemplate transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.officers = officers;
        this.clients = clients;
        this.encoder = encoder;
        this.properties = properties;
        this.bridge = bridge;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.devCredentials()) {
            return;
        }
        // Two instances starting together on one database: the second waits here and finds the sign-ins made.
        Map<String, String> lines = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('issuer.dev-credentials'))").query(rs -> { });
            return createMissing();
        });
        if (lines != null && !lines.isEmpty()) {
            DevSettingsFile settings = DevSettingsFile.in(properties.home());
            settings.put(lines);
            // Names only: a secret in a log file outlives every rotation of it. The values are in dev.env (mode 600).
            LOG.warn("development sign-ins created; their secrets are in {}: {}", settings.path(), lines.keySet());
        }
    }

    private Map<String, String> createMissing() {
        Map<String, String> lines = new LinkedHashMap<>();
        if (!officers.exists("admin")) {
            String password = secret(18);
            officers.create(new Officers.Officer("admin", encoder.encode(password), "State administrator", null, true),
                    clock.instant());
            lines.put("ISSUER_ADMIN_USER", "admin");
            lines.put("ISSUER_ADMIN_PASSWORD", password);
        }
        for (Department department : catalog.departments()) {
            String code = department.code().value();
            String user = code.toLowerCase(Locale.ROOT) + "-officer";
            if (!officers.exists(user)) {
                String password = secret(18);
                officers.create(new Officers.Officer(user, encoder.encode(password),
                        department.names().en() + " officer", department.code(), false, "Issuing Officer"),
                        clock.instant());
                lines.put("ISSUER_OFFICER_" + code + "_USER", user);
                lines.put("ISSUER_OFFICER_" + code + "_PASSWORD", password);
            }
        }
        bridgeClient(lines);
        for (DepartmentCode code : catalog.issuingDepartments()) {
            String id = code.value().toLowerCase(Locale.ROOT) + "-system";
            if (clients.find(id).isEmpty()) {
                String secret = secret(30);
                clients.create(ApiClients.ApiClient.withSecret(id, secret, Caller.Kind.DEPARTMENT_SYSTEM,
                        Set.of(code), false), clock.instant());
                lines.put("ISSUER_DEPT_SYSTEM_" + code.value() + "_KEY", id + "." + secret);
            }
        }
        return lines;
    }

    private void bridgeClient(Map<String, String> lines) {
        var existing = clients.find(bridge.id());
        if (bridge.secretGiven()) {
            ApiClients.ApiClient wanted = ApiClients.ApiClient.withSecret(bridge.id(), bridge.secret(),
                    Caller.Kind.BRIDGE, Set.of(), true);
            if (existing.isEmpty()) {
                clients.create(wanted, clock.instant());
                LOG.info("bridge client {} created with the secret from ISSUER_BRIDGE_CLIENT_SECRET", bridge.id());
            } else if (!ApiKeyHash.matches(bridge.secret(), existing.get().secretSha256())
                    || existing.get().kind() != Caller.Kind.BRIDGE || !existing.get().allDepartments()) {
                clients.update(wanted);
                LOG.info("bridge client {} updated to the secret from ISSUER_BRIDGE_CLIENT_SECRET", bridge.id());
            }
            return;
        }
        if (existing.isEmpty()) {
            String secret = secret(30);
            clients.create(ApiClients.ApiClient.withSecret(bridge.id(), secret, Caller.Kind.BRIDGE, Set.of(),
                    true), clock.instant());
            lines.put("ISSUER_BRIDGE_CLIENT_ID", bridge.id());
            lines.put("ISSUER_BRIDGE_CLIENT_SECRET", secret);
        }
    }

    private String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).replace('-', 'x').replace('_', 'y');
    }
}
