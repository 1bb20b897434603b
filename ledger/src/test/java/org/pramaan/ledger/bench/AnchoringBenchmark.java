package org.pramaan.ledger.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pramaan.chaincode.certificate.CertificateRequest;
import org.pramaan.chaincode.certificate.IssueOutcome;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.dev.DevLedger;

/**
 * Anchoring on DevLedger: one {@code IssueCertificates} transaction per invocation, committed,
 * for several batch sizes. Time per commit is the latency; batch size over it the throughput.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class AnchoringBenchmark {

    @Param({"1", "10", "100", "500", "1000"})
    public int batchSize;

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private Ledger issuer;
    private List<CertificateRequest> batch;
    private int next;

    @Setup(Level.Trial)
    public void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        DevLedger.Settings settings = DevLedger.Settings.of(LedgerFixtures.organisations());
        try (Ledger admin = DevLedger.open(dataSource, LedgerFixtures.ADMIN, settings, Clock.systemUTC())) {
            admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
            admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
        }
        issuer = DevLedger.open(dataSource, LedgerFixtures.REV_ISSUER, settings, Clock.systemUTC());
    }

    @Setup(Level.Invocation)
    public void freshBatch() {
        batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(LedgerFixtures.revenueCertificate(next++));
        }
    }

    @Benchmark
    public Committed<IssueOutcome> anchorBatch() {
        Committed<IssueOutcome> committed = issuer.issue(batch);
        if (committed.value().issued().size() != batchSize) {
            throw new IllegalStateException("anchored " + committed.value().issued().size() + " of " + batchSize);
        }
        return committed;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        issuer.close();
        dataSource.close();
        postgres.close();
    }
}
