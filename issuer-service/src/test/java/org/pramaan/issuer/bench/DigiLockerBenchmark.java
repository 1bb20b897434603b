package org.pramaan.issuer.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.issuer.catalog.CatalogConfiguration;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.digilocker.DigiLockerProperties;
import org.pramaan.issuer.digilocker.DigiLockerPulls;
import org.pramaan.issuer.digilocker.PullMessages;
import org.pramaan.issuer.digilocker.PullRequest;
import org.pramaan.issuer.hold.HoldAction;
import org.pramaan.issuer.hold.Holds;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a DigiLocker Pull URI costs on the real parts (embedded PostgreSQL, the test catalog), and whether a refusal
 * gives away why: an unknown number (the baseline), a wrong name, a revoked and a held certificate must all cost the
 * same (ratios near 1), and a found one what reading its XML adds. {@link #main} prints the ratios. Argument: seconds
 * per measurement iteration (default 2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DigiLockerBenchmark {

    private static final DepartmentCode REV = DepartmentCode.of("REV");
    private static final String HOLDER = "Kondapalli Ramesh";

    private ServiceDatabase database;
    private org.pramaan.service.storage.EmbeddedS3Proxy objects;
    private org.pramaan.service.storage.S3ObjectStore store;
    private DigiLockerPulls pulls;
    private PullRequest unknown;
    private PullRequest wrongName;
    private PullRequest revoked;
    private PullRequest held;
    private PullRequest found;

    @Setup(Level.Trial)
    public void setUp() {
        database = ServiceDatabase.builder("issuer-digilocker-bench").embeddedDatabase("issuer_digilocker_bench").open();
        HikariDataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).schemas("issuer").defaultSchema("issuer")
                .locations("classpath:db/issuer").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        // The PDFs go to an S3Proxy over a temporary folder, as in the tests.
        try {
            objects = org.pramaan.service.storage.EmbeddedS3Proxy.start(java.nio.file.Path.of(System.getProperty(
                    "pramaan.s3proxy.jar", "../service-support/target/s3proxy/s3proxy.jar")),
                    java.nio.file.Files.createTempDirectory("digilocker-bench-objects"), 0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        store = new org.pramaan.service.storage.S3ObjectStore(objects.settings("pramaan")).createBucketIfMissing();
        Certificates certificates = new Certificates(jdbc, event -> { }, store);
        Holds holds = new Holds(jdbc, event -> { });
        pulls = new DigiLockerPulls(certificates, holds, CatalogConfiguration.load("classpath:test-catalog"),
                new DigiLockerProperties("", "", "in.gov.ap.pramaan", 16384, 600, Duration.ofMinutes(1)),
                Clock.systemUTC(), new SimpleMeterRegistry());
        Certificate good = anchored(certificates);
        Certificate gone = anchored(certificates);
        gone.revoke(ReasonCode.FRAUD, "bench", Instant.now());
        certificates.recordRevocationAndEnqueue(gone, "bench");
        Certificate onHold = anchored(certificates);
        holds.record(onHold, HoldAction.HOLD, "UNDER_SCRUTINY", null, "bench", Instant.now());
        String nobody = CertificateId.generate(REV, "INC", Year.now()).value();
        unknown = request(nobody, HOLDER, "pdf");
        wrongName = request(good.id().value(), "Kondapalli Suresh", "pdf");
        revoked = request(gone.id().value(), HOLDER, "pdf");
        held = request(onHold.id().value(), HOLDER, "pdf");
        found = request(good.id().value(), HOLDER, "xml");
        if (!new String(pulls.pullUri(found), StandardCharsets.UTF_8).contains("Status=\"1\"")
                || !new String(pulls.pullUri(revoked), StandardCharsets.UTF_8).contains("Status=\"0\"")) {
            throw new IllegalStateException("the benchmark's certificates are not what it measures");
        }
    }

    private static Certificate anchored(Certificates certificates) {
        Instant now = Instant.now();
        Certificate c = Certificate.issued(CertificateId.generate(REV, "INC", Year.now()), null, REV, "REV-INCOME",
                "INC", HOLDER, Language.EN, "9876543210", Map.of("nm", HOLDER, "ai", "96000", "pc", "520001"), now,
                now.plus(Duration.ofDays(365)), "00".repeat(32), "benchkid", "HTTPS://VERIFY.EXAMPLE/C/BENCH");
        byte[] pdf = new byte[60_000];
        new SecureRandom().nextBytes(pdf);
        certificates.insertAndEnqueue(c, new byte[] {1}, pdf, now, null);
        c.anchor("tx-" + c.id().value(), 1L, now);
        certificates.recordAnchors(java.util.List.of(c));
        return c;
    }

    private static PullRequest request(String number, String name, String format) {
        byte[] xml = ("<PullURIRequest ver=\"1.0\" ts=\"2026-12-03T10:00:00Z\" txn=\"bench\" orgId=\"bench\" format=\""
                + format + "\"><DocDetails><DocType>INCER</DocType><DigiLockerId>123e4567-e89b-12d3-a456-426655440000"
                + "</DigiLockerId><FullName>" + name + "</FullName><DOB>15-08-1990</DOB><UDF1>" + number
                + "</UDF1></DocDetails></PullURIRequest>").getBytes(StandardCharsets.UTF_8);
        return PullMessages.read(PullRequest.Kind.PULL_URI, PullRequest.Syntax.XML, xml, xml.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
        store.close();
        objects.close();
    }

    @Benchmark
    public byte[] unknownNumber() {
        return pulls.pullUri(unknown);
    }

    @Benchmark
    public byte[] wrongName() {
        return pulls.pullUri(wrongName);
    }

    @Benchmark
    public byte[] revoked() {
        return pulls.pullUri(revoked);
    }

    @Benchmark
    public byte[] onHold() {
        return pulls.pullUri(held);
    }

    @Benchmark
    public byte[] foundXml() {
        return pulls.pullUri(found);
    }

    /** Runs the benchmarks and prints each one's cost against the unknown number's (a CLI tool: it prints). */
    public static void main(String[] args) throws RunnerException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Options options = new OptionsBuilder().include(DigiLockerBenchmark.class.getSimpleName()).forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(8).measurementTime(TimeValue.seconds(seconds)).build();
        Collection<RunResult> results = new Runner(options).run();
        double baseline = score(results, "unknownNumber");
        System.out.printf("%n%-36s %12s %10s %8s%n", "Pull URI", "us/call", "x unknown", "error");
        for (String b : new String[] {"unknownNumber", "wrongName", "revoked", "onHold", "foundXml"}) {
            var r = results.stream().filter(x -> x.getParams().getBenchmark().endsWith("." + b)).findFirst()
                    .orElseThrow().getPrimaryResult();
            System.out.printf("%-36s %12.1f %10.2f %7.0f%%%n", b, r.getScore(), r.getScore() / baseline,
                    100 * r.getScoreError() / r.getScore());
        }
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
