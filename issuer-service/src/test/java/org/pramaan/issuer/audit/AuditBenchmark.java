package org.pramaan.issuer.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.network.DevNetworkSettings;
import org.pramaan.network.ordering.BatchSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit benchmark ({@code ./pramaan bench audit [certificates]}): a whole pass of {@link LedgerAudit}
 * over N anchored certificates (1,000,000 by default), through fabric-gateway to the development peer
 * and the chaincode server jar ({@code ListCertificates} pages), against a baseline measured in the same
 * run on the same data: the same comparison ({@link Reconciliation} over the same issuer rows) with the
 * ledger's records read straight from the peer's state table in PostgreSQL, without the ledger's protocols.
 *
 * <p>Anchoring a million certificates through the peer takes about 25 minutes, so the certificates are
 * <b>seeded directly</b>: the issuer's rows with COPY into {@code issuer.certificate} (claims hashes
 * computed as the issuer computes them) and the ledger's records with COPY into the peer's
 * {@code devpeer.state}, in the exact bytes the contract writes; the peer is then restarted so that
 * its key filter knows them. Only the seeding bypasses the protocols; the audit reads through them.
 * System properties: {@code bench.pageSize} (1000), {@code pramaan.chaincode.jar}.
 */
public final class AuditBenchmark {

    static final String DEPARTMENT = "REV";
    static final String KID = "0123456789abcdef";
    private static final int COPY_CHUNK = 50_000;
    private static final HexFormat HEX = HexFormat.of();

    private AuditBenchmark() {
    }

    /** What one run measured. */
    public record Result(int certificates, int pageSize, double auditSeconds, long auditCompared, long mismatches,
                         double baselineSeconds, long baselineCompared) {

        public double auditPerSecond() {
            return auditCompared / auditSeconds;
        }

        public double baselinePerSecond() {
            return baselineCompared / baselineSeconds;
        }
    }

    public static void main(String[] args) {
        int certificates = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pageSize = Integer.getInteger("bench.pageSize", 1000);
        Path jar = Path.of(System.getProperty(DevNetworkSettings.CHAINCODE_JAR_PROPERTY,
                "chaincode/target/pramaan-chaincode-server.jar"));
        System.out.printf(Locale.ROOT, "Audit benchmark: %,d certificates of %s, ListCertificates pages of %d; %d CPUs%n",
                certificates, DEPARTMENT, pageSize, Runtime.getRuntime().availableProcessors());
        Result result;
        try (DevNetwork network = DevNetwork.start(new DevNetworkSettings(null, List.of(DEPARTMENT), jar, "",
                BatchSettings.defaults()))) {
            result = run(network, certificates, pageSize, System.out);
        }
        System.out.println(report(result));
        System.exit(result.mismatches() == 0 ? 0 : 1);
    }

    static String report(Result r) {
        return String.format(Locale.ROOT, """

                | pass over %,d anchored certificates (pages of %d) | seconds | certificates/s |
                | --- | ---: | ---: |
                | LedgerAudit through fabric-gateway, peer and chaincode | %.1f | %,.0f |
                | baseline: same comparison, ledger records read from the peer's table | %.1f | %,.0f |
                | ratio audit / baseline (time) | %.2f | |

                mismatches found: %d; goal: the million in under 120 s (%,.0f certificates/s) -> %s
                """, r.certificates(), r.pageSize(), r.auditSeconds(), r.auditPerSecond(), r.baselineSeconds(),
                r.baselinePerSecond(), r.auditSeconds() / r.baselineSeconds(), r.mismatches(), 1_000_000 / 120.0,
                r.auditPerSecond() * 120 >= 1_000_000 ? "met" : "NOT met");
    }

    /** Seeds {@code certificates} on both sides of {@code network}'s database, then measures baseline and audit. */
    public static Result run(DevNetwork network, int certificates, int pageSize, PrintStream out) {
        DataSource dataSource = network.dataSource();
        Flyway.configure().dataSource(dataSource).schemas("issuer").defaultSchema("issuer").createSchemas(true)
                .locations("classpath:db/issuer").load().migrate();
        long seedStart = System.nanoTime();
        seed(dataSource, certificates);
        out.printf(Locale.ROOT, "  seeded %,d certificates on both sides in %.1f s (COPY, not the protocols)%n",
                certificates, (System.nanoTime() - seedStart) / 1e9);
        // The peer loads its key filter from the state table when it starts: restart it to know the seeded keys.
        network.stopPeer();
        network.startPeer();

        AuditStore store = new AuditStore(JdbcClient.create(dataSource));
        try (FabricLedger fabric = FabricLedger.connect(network.connectionFile(), dataSource,
                new FabricLedger.Settings(Duration.ofSeconds(60), null, null, null, null, null, null, null, null))) {
            LedgerAudit audit = new LedgerAudit(store, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                    fabric.ledger("auditor"), pageSize, Clock.systemUTC());
            // Warm-up: the JIT on both paths, the peer's and PostgreSQL's caches.
            long warm = Math.min(certificates, 50_000);
            baseline(dataSource, store, pageSize, warm);
            audit.run(warm, true);

            long start = System.nanoTime();
            long baselineCompared = baseline(dataSource, store, pageSize, Long.MAX_VALUE);
            double baselineSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "  baseline: %,d certificates in %.1f s%n", baselineCompared, baselineSeconds);

            start = System.nanoTime();
            LedgerAudit.Progress pass = audit.runPass(true);
            double auditSeconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "  audit:    %,d certificates in %.1f s (%d pages)%n", pass.certificates(),
                    auditSeconds, pass.pages());
            long mismatches = store.counts().values().stream().mapToLong(Long::longValue).sum();
            return new Result(certificates, pageSize, auditSeconds, pass.certificates(), mismatches, baselineSeconds,
                    baselineCompared);
        }
    }

    /**
     * The same walk and comparison as {@link LedgerAudit} (ledger page, issuer rows of its id range,
     * {@link Reconciliation}) with the ledger's side read from {@code devpeer.state} by SQL.
     */
    static long baseline(DataSource dataSource, AuditStore store, int pageSize, long budget) {
        String after = DEPARTMENT + "-";
        String end = DEPARTMENT + ".";
        long compared = 0;
        long mismatches = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT state_value FROM devpeer.state"
                     + " WHERE state_key > ? AND state_key < ? ORDER BY state_key LIMIT ?")) {
            while (compared < budget) {
                select.setBytes(1, key(after));
                select.setBytes(2, key(end));
                select.setInt(3, pageSize);
                Map<String, CertificateRecord> onLedger = new LinkedHashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        CertificateRecord record = Json.readState(rows.getBytes(1), CertificateRecord.class, "state");
                        onLedger.put(record.id().value(), record);
                    }
                }
                boolean last = onLedger.size() < pageSize;
                String through = last ? null : List.copyOf(onLedger.keySet()).get(onLedger.size() - 1);
                String from = after;
                while (true) {
                    List<StoredCertificate> rows = store.range(from, through, end, pageSize);
                    for (StoredCertificate row : rows) {
                        mismatches += Reconciliation.compare(row.id(), DEPARTMENT, row, onLedger.remove(row.id())).size();
                        compared++;
                    }
                    if (rows.size() < pageSize) {
                        break;
                    }
                    from = rows.get(rows.size() - 1).id();
                }
                for (CertificateRecord unmatched : onLedger.values()) {
                    mismatches += Reconciliation.compare(unmatched.id().value(), DEPARTMENT, null, unmatched).size();
                    compared++;
                }
                if (last) {
                    break;
                }
                after = through;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("baseline scan failed: " + e.getMessage(), e);
        }
        if (mismatches != 0) {
            throw new IllegalStateException("the baseline found " + mismatches + " mismatches in seeded data");
        }
        return compared;
    }

    /** The peer's state key of a certificate id (a composite key: object type and one attribute). */
    private static byte[] key(String id) {
        return ("\u0000CERT\u0000" + id + "\u0000").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Puts {@code certificates} anchored REV certificates on both sides: issuer rows and the peer's state (COPY). The
     * rows have no PDF (none was made; nothing renders them): a placeholder in the old {@code pdf} column made every
     * issuer start move a million one-byte "PDFs" to the object store in the background (LegacyPdfMover), during the
     * scale runs' measurements.
     */
    public static void seed(DataSource dataSource, int certificates) {
        Instant base = Instant.parse("2026-01-05T04:30:00Z");
        DepartmentCode department = DepartmentCode.of(DEPARTMENT);
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            for (int from = 0; from < certificates; from += COPY_CHUNK) {
                StringBuilder issuer = new StringBuilder();
                StringBuilder state = new StringBuilder();
                for (int i = from; i < Math.min(certificates, from + COPY_CHUNK); i++) {
                    CertificateId id = CertificateId.generate(department, "INC", Year.of(2026));
                    Instant issued = base.plusSeconds(i);
                    Instant expires = issued.plus(Duration.ofDays(365));
                    Map<String, String> fields = Map.of("ai", Integer.toString(70_000 + i % 1000), "pc", "530002");
                    String holder = "Bench Holder " + i;
                    StoredCertificate stored = new StoredCertificate(id.toString(), DEPARTMENT, "INC", holder, "en",
                            fields, issued, expires, "", KID, "ANCHORED", null, null, false, false);
                    String hash = stored.recomputedClaimsHash();
                    issuer.append(id).append(',').append(DEPARTMENT).append(",REV-INCOME,INC,").append(holder)
                            .append(",en,9100000000,\"").append(Json.writeString(fields).replace("\"", "\"\""))
                            .append("\",").append(issued).append(',').append(expires).append(',').append(hash)
                            .append(',').append(KID).append(",x,\\x00,,ANCHORED,seeded,1,").append(issued)
                            .append('\n');
                    CertificateRecord record = new CertificateRecord(id, department, "INC", ClaimsHash.of(hash),
                            KeyId.of(KID), issued.plusSeconds(2), expires, CertificateStatus.ACTIVE, null, null, null, null);
                    state.append("\\x").append(HEX.formatHex(key(id.toString()))).append(",\\x")
                            .append(HEX.formatHex(Json.write(record))).append(",1,").append(i % 1000).append('\n');
                }
                pg.getCopyAPI().copyIn("COPY issuer.certificate (id, department, service_code, type, holder_name,"
                        + " language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text, cose, pdf,"
                        + " status, transaction_id, block_number, anchored_at) FROM STDIN (FORMAT csv)",
                        new StringReader(issuer.toString()));
                pg.getCopyAPI().copyIn("COPY devpeer.state (state_key, state_value, block_number, tx_number)"
                        + " FROM STDIN (FORMAT csv)", new StringReader(state.toString()));
            }
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE issuer.certificate");
                analyze.execute("ANALYZE devpeer.state");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
