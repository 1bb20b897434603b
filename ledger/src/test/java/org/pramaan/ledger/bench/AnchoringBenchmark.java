package org.pramaan.ledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.network.DevNetworkSettings;
import org.pramaan.network.ordering.BatchSettings;

/**
 * The anchoring benchmark of the ledger issue: {@code IssueCertificates} transactions of 1, 10, 100, 500 and 1,000
 * certificates through the whole path (FabricLedger over fabric-gateway, TLS gRPC to the development peer in this
 * JVM, which endorses on the chaincode server jar running as a service in its own process, orders, validates and
 * commits the block to PostgreSQL), against the same batches through the contract in-process on an in-memory stub
 * ({@link InProcessContract}), measured in the same run. Reports certificates per second, the per-transaction commit
 * latency (p50, p99: submit until the commit status says VALID), the protocol's cost as a ratio to the baseline and
 * the speed-up of each batch size over one certificate per transaction.
 *
 * <p>A main with warm-up and measured rounds rather than JMH: a JMH fork per {@code @Param} would start a network
 * of its own each time (an embedded PostgreSQL, the chaincode server JVM, the peer: 15-30 s of a 2-core machine per
 * fork before the first measurement), and the network's JIT warm-up is not JMH's to control since most of the work
 * happens in the other process. One network serves every batch size here; each size gets warm-up transactions
 * first, and the in-process baseline is measured right next to it, so the ratios compare like with like.
 *
 * <p>One transaction in flight at a time, as issuer-service's anchoring worker sends them. The orderer cuts a
 * block after {@code BatchTimeout} or {@code MaxMessageCount} envelopes: with one client, every block waits the
 * timeout, which is part of the commit latency a real Fabric channel has too. System properties:
 * {@code bench.batches} (1,10,100,500,1000), {@code bench.certificates} (certificates measured per batch size, at
 * least {@code bench.transactions} transactions: 3000 and 10), {@code bench.warmup} (transactions per size, 3),
 * {@code bench.seconds} (longest measurement per size, 30; at least 5 transactions),
 * {@code bench.batchTimeout} (ms, 200: the peer jar's default), {@code bench.maxMessages} (500),
 * {@code pramaan.chaincode.jar}.
 */
public final class AnchoringBenchmark {

    private AnchoringBenchmark() {
    }

    record Sample(int batch, int transactions, int certificates, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return certificates / seconds;
        }
    }

    interface Anchor {
        void issue(List<CertificateRequest> batch);
    }

    public static void main(String[] args) throws Exception {
        int[] batches = Arrays.stream(System.getProperty("bench.batches", "1,10,100,500,1000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        int certificates = Integer.getInteger("bench.certificates", 3000);
        int minTransactions = Integer.getInteger("bench.transactions", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);
        Duration budget = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
        BatchSettings ordering = new BatchSettings(Integer.getInteger("bench.maxMessages", 500),
                Duration.ofMillis(Long.getLong("bench.batchTimeout", 200)));
        Path jar = Path.of(System.getProperty(DevNetworkSettings.CHAINCODE_JAR_PROPERTY,
                "chaincode/target/pramaan-chaincode-server.jar"));

        System.out.printf(Locale.ROOT, "Anchoring benchmark: batches %s, >= %d certificates and >= %d transactions per"
                + " size, %d warm-up transactions; orderer MaxMessageCount %d, BatchTimeout %d ms; %d CPUs%n",
                Arrays.toString(batches), certificates, minTransactions, warmup, ordering.maxMessageCount(),
                ordering.batchTimeout().toMillis(), Runtime.getRuntime().availableProcessors());

        InProcessContract baseline = new InProcessContract();
        baseline.registerDepartment(LedgerFixtures.ADMIN, LedgerFixtures.department("REV", "Revenue"),
                LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
        Anchor inProcess = batch -> requireIssued(baseline.issue(LedgerFixtures.REV_ISSUER, batch), batch);

        List<Sample[]> rows = new ArrayList<>();
        try (DevNetwork network = DevNetwork.start(new DevNetworkSettings(null, List.of("REV"), jar, "", ordering));
             FabricLedger fabric = FabricLedger.connect(network.connectionFile(), network.dataSource(),
                     // Endorsing 1,000 certificates can take longer than the 15 s default on a busy shared machine.
                     new FabricLedger.Settings(null, Duration.ofSeconds(120), null, Duration.ofSeconds(180), null,
                             null, null, null, null))) {
            Ledger admin = fabric.ledger("admin");
            admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
            admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
            Ledger revenue = fabric.ledger("REV");
            Anchor throughFabric = batch -> {
                Committed<IssueOutcome> committed = revenue.issue(batch);
                requireIssued(committed.value(), batch);
            };
            for (int batch : batches) {
                int transactions = Math.max(minTransactions, (certificates + batch - 1) / batch);
                run(inProcess, batch, Math.max(warmup, 20), budget);
                Sample base = run(inProcess, batch, Math.max(transactions, 20), budget);
                run(throughFabric, batch, warmup, budget);
                Sample path = run(throughFabric, batch, transactions, budget);
                rows.add(new Sample[] {path, base});
                System.out.printf(Locale.ROOT, "  batch %4d: fabric %8.1f cert/s (p50 %7.1f ms, p99 %7.1f ms, %d tx);"
                        + " in-process %10.1f cert/s (p50 %6.2f ms)%n", batch, path.perSecond(), path.p50Millis(),
                        path.p99Millis(), path.transactions(), base.perSecond(), base.p50Millis());
            }
        }
        System.out.println();
        System.out.println(table(rows));
        verdict(rows);
    }

    /** Runs {@code transactions} batches, or as many as fit in {@code budget} (at least 5). */
    private static Sample run(Anchor anchor, int batch, int transactions, Duration budget) {
        List<List<CertificateRequest>> work = new ArrayList<>(transactions);
        int n = 0;
        for (int t = 0; t < transactions; t++) {
            List<CertificateRequest> requests = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                requests.add(LedgerFixtures.revenueCertificate(n++));
            }
            work.add(requests);
        }
        long[] latencies = new long[transactions];
        long start = System.nanoTime();
        int done = 0;
        while (done < transactions && (done < 5 || System.nanoTime() - start < budget.toNanos())) {
            long begin = System.nanoTime();
            anchor.issue(work.get(done));
            latencies[done++] = System.nanoTime() - begin;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] taken = Arrays.copyOf(latencies, done);
        Arrays.sort(taken);
        return new Sample(batch, done, done * batch, seconds, percentile(taken, 0.50) / 1e6,
                percentile(taken, 0.99) / 1e6);
    }

    /** Nearest-rank percentile; with few transactions p99 is the slowest one. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void requireIssued(IssueOutcome outcome, List<CertificateRequest> batch) {
        if (outcome.issued().size() != batch.size()) {
            throw new IllegalStateException("expected " + batch.size() + " certificates issued, got " + outcome);
        }
    }

    static String table(List<Sample[]> rows) {
        double single = rows.stream().filter(r -> r[0].batch() == 1).mapToDouble(r -> r[0].perSecond()).findFirst()
                .orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append("| batch | tx | fabric cert/s | p50 commit ms | p99 commit ms | in-process cert/s | in-process p50 ms"
                + " | fabric / in-process | speed-up vs batch 1 |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Sample[] row : rows) {
            Sample path = row[0];
            Sample base = row[1];
            out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | %.0f | %.2f | %.4f (1/%.0f) | %.1fx |%n",
                    path.batch(), path.transactions(), path.perSecond(), path.p50Millis(), path.p99Millis(),
                    base.perSecond(), base.p50Millis(), path.perSecond() / base.perSecond(),
                    base.perSecond() / path.perSecond(), path.perSecond() / single));
        }
        return out.toString();
    }

    private static void verdict(List<Sample[]> rows) {
        Sample best = rows.stream().map(r -> r[0]).max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
                .orElseThrow();
        double single = rows.stream().filter(r -> r[0].batch() == 1).mapToDouble(r -> r[0].perSecond()).findFirst()
                .orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "Best: %.1f cert/s at batch %d (goal >= 1000: %s); batching speed-up %.1fx"
                        + " (goal >= 20x: %s)%n", best.perSecond(), best.batch(),
                best.perSecond() >= 1000 ? "met" : "MISSED", best.perSecond() / single,
                best.perSecond() / single >= 20 ? "met" : Double.isNaN(single) ? "no batch 1 run" : "MISSED");
    }
}
