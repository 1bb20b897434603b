package org.pramaan.issuer.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.service.database.ServiceDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./pramaan audit}: reconciles a running installation's issuer records with its ledger and
 * prints one line per mismatch ({@code kind certificate-id detail}), then a summary. Exit 0 when
 * clean, 1 when anything disagrees, 2 when the audit could not run.
 *
 * <p>It continues the pass under way from the stored cursor (the service's scheduled audit may have
 * done part of it) or starts one; {@code --fresh} starts over. Environment: {@code DATABASE_URL}
 * (required), {@code LEDGER_CONNECTION} (.pramaan/network/connection.json),
 * {@code AUDIT_LEDGER_IDENTITY} (auditor), {@code AUDIT_PAGE_SIZE} (1000).
 * Run from the service's jar: {@code java -cp issuer-service.jar
 * -Dloader.main=org.pramaan.issuer.audit.AuditMain org.springframework.boot.loader.launch.PropertiesLauncher}.
 */
public final class AuditMain {

    /** Most mismatch lines printed; the summary counts them all. */
    static final int MAX_LINES = 10_000;

    private AuditMain() {
    }

    public static void main(String[] args) {
        quietLibraries();
        boolean fresh = List.of(args).contains("--fresh");
        System.exit(run(System.getenv(), fresh));
    }

    static int run(Map<String, String> env, boolean fresh) {
        String databaseUrl = env.getOrDefault("DATABASE_URL", "");
        if (databaseUrl.isBlank()) {
            System.err.println("audit: DATABASE_URL is not set: give the issuer-service's database (./pramaan audit does)");
            return 2;
        }
        Path connection = Path.of(env.getOrDefault("LEDGER_CONNECTION",
                env.getOrDefault("PRAMAAN_HOME", ".pramaan") + "/network/connection.json"));
        String identity = env.getOrDefault("AUDIT_LEDGER_IDENTITY", "auditor");
        int pageSize = Integer.parseInt(env.getOrDefault("AUDIT_PAGE_SIZE", "1000"));
        try (ServiceDatabase database = ServiceDatabase.builder("issuer-audit").databaseUrl(databaseUrl).poolSize(2).open();
             FabricLedger fabric = FabricLedger.connect(connection, database.dataSource(), FabricLedger.Settings.defaults())) {
            Flyway.configure().dataSource(database.dataSource()).schemas("issuer").defaultSchema("issuer")
                    .createSchemas(true).locations("classpath:db/issuer").load().migrate();
            AuditStore store = new AuditStore(JdbcClient.create(database.dataSource()));
            LedgerAudit audit = new LedgerAudit(store,
                    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
                    fabric.ledger(identity), pageSize, Clock.systemUTC());
            Instant start = Instant.now();
            LedgerAudit.Progress progress = audit.runPass(fresh);
            Duration took = Duration.between(start, Instant.now());
            return report(store, progress, took);
        } catch (RuntimeException e) {
            System.err.println("audit: could not run: " + e.getMessage());
            return 2;
        }
    }

    private static int report(AuditStore store, LedgerAudit.Progress progress, Duration took) {
        List<AuditStore.Found> found = store.mismatches(MAX_LINES);
        found.forEach(f -> System.out.println(f.mismatch().line()));
        Map<MismatchKind, Long> counts = store.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String seconds = String.format("%.1f s", took.toMillis() / 1000.0);
        AuditStore.LastPass pass = store.lastPass().orElseThrow();
        if (total == 0) {
            System.out.println("Issuer records and ledger agree: " + pass.certificates() + " certificates ("
                    + progress.certificates() + " compared in this run, " + seconds + ")");
            return 0;
        }
        StringBuilder kinds = new StringBuilder();
        counts.forEach((kind, n) -> {
            if (n > 0) {
                kinds.append(kinds.isEmpty() ? "" : ", ").append(kind.label()).append(' ').append(n);
            }
        });
        System.out.println(total + " mismatches (" + kinds + ") in " + pass.certificates() + " certificates ("
                + progress.certificates() + " compared in this run, " + seconds + ")"
                + (total > found.size() ? "; the first " + found.size() + " are listed" : ""));
        return 1;
    }

    /** The command's output is its report: libraries speak only of warnings. */
    private static void quietLibraries() {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        // The audit's own WARN per mismatch would repeat the report's lines.
        if (LoggerFactory.getLogger(LedgerAudit.class) instanceof ch.qos.logback.classic.Logger audit) {
            audit.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
