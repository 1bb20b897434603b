package org.pramaan.issuer.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
import org.pramaan.credential.Language;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.catalog.Catalog;
import org.pramaan.issuer.catalog.CatalogLoader;
import org.pramaan.issuer.catalog.CatalogSource;
import org.pramaan.issuer.certificate.CertificateIssuer;
import org.pramaan.issuer.certificate.CertificateRenderer;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.IssueCommand;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.issuer.pdf.CertificateDocument;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.seal.DepartmentSeal;
import org.pramaan.issuer.seal.PdfSignatureProperties;
import org.pramaan.service.database.ServiceDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The issuance pipeline (claims, signature, PDF, store in PostgreSQL with the outbox row, one
 * transaction) against rendering the same certificate's PDF alone, in certificates per second; the
 * pipeline with the PDF signed PAdES B-T against the pipeline as it was; and the pipeline as it is now,
 * the PDF made PDF/A-3b and then signed PAdES B-T, against the signed pipeline without PDF/A: all measured
 * in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IssuanceBenchmark {

    /** Keys, and the object store's files: gigabytes after the pipelines' minutes, so removed at the end. */
    private Path home;
    private ServiceDatabase database;
    private org.pramaan.service.storage.EmbeddedS3Proxy objects;
    private org.pramaan.service.storage.S3ObjectStore store;
    private CertificateIssuer issuer;
    /** The pipeline before PAdES and PDF/A: an unsigned, plain PDF. */
    private CertificateIssuer plainIssuer;
    /** With the PAdES signature (B-T, the development TSA in process) on a plain PDF: before PDF/A. */
    private CertificateIssuer signingIssuer;
    /** As issuance is now: PDF/A-3b, then signed PAdES B-T. */
    private CertificateIssuer archivalIssuer;
    private CertificateRenderer renderer;
    private CertificateRenderer plainRenderer;
    private TransactionTemplate transactions;
    private IssueCommand command;
    private CertificateDocument document;
    /** For the parts measured alone: the PAdES seal, and the QR code's encoding. */
    private DepartmentSeal seal;
    private org.pramaan.credential.keys.SignerKey signerKey;
    private org.pramaan.catalog.Department department;
    /** A signed certificate, for the rendering worker's job. */
    private CertificateIssuer.Prepared signed;
    private Certificates pdfs;
    /** Issuance as production runs it: approvals, and the rendering worker making their PDFs ({@link Pipeline}). */
    private org.pramaan.issuer.rendering.RenderingWorker worker;
    /** The same worker with the unsigned, plain PDF of issuance before PAdES and PDF/A (issue 18's baseline). */
    private org.pramaan.issuer.rendering.RenderingWorker plainWorker;
    private JdbcClient jdbc;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        home = Files.createTempDirectory("issuer-bench");
        database = ServiceDatabase.builder("issuer-bench").embeddedDatabase("issuer_bench").open();
        HikariDataSource dataSource = database.dataSource();
        Flyway.configure().dataSource(dataSource).schemas("issuer").defaultSchema("issuer")
                .locations("classpath:db/issuer").load().migrate();
        Catalog catalog = new CatalogLoader().load(read("departments.json"), List.of(read("services/rev.json")));
        IssuerProperties properties = new IssuerProperties(home, "https://verify.example.gov.in",
                "http://localhost:8081", new IssuerProperties.Catalog("classpath:test-catalog"),
                new IssuerProperties.Ledger(java.nio.file.Path.of("connection.json"), new IssuerProperties.LedgerDeadlines(null, null, null, null), 50, java.time.Duration.ofSeconds(2),
                        java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(2), 1, 20, java.time.Duration.ofMinutes(5)),
                new IssuerProperties.Keys(true, Map.of(), Map.of()),
                new IssuerProperties.Bridge("http://localhost:8083", "", java.time.Duration.ofSeconds(1),
                        java.time.Duration.ofSeconds(1), 1, 20, java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(10)), false);
        CertificateFonts fonts = CertificateFonts.discover();
        CertificatePdfRenderer pdf = new CertificatePdfRenderer(fonts);
        renderer = pdf::render;
        CertificateRenderer plain = new CertificatePdfRenderer(fonts, false)::render;
        plainRenderer = plain;
        // The PDFs go to an S3Proxy over a temporary folder, as in the tests.
        objects = org.pramaan.service.storage.EmbeddedS3Proxy.start(Path.of(System.getProperty("pramaan.s3proxy.jar",
                "../service-support/target/s3proxy/s3proxy.jar")), home.resolve("objects"), 0);
        store = new org.pramaan.service.storage.S3ObjectStore(objects.settings("pramaan")).createBucketIfMissing();
        issuer = new CertificateIssuer(catalog, new SignerKeys(properties, catalog, Clock.systemUTC())::signer, renderer,
                new Certificates(JdbcClient.create(dataSource), event -> { }, store), Clock.systemUTC(), properties);
        plainIssuer = new CertificateIssuer(catalog, new SignerKeys(properties, catalog, Clock.systemUTC())::signer,
                plain, new Certificates(JdbcClient.create(dataSource), event -> { }, store), Clock.systemUTC(), properties);
        SignerKeys keys = new SignerKeys(properties, catalog, Clock.systemUTC());
        seal = new DepartmentSeal(keys, new PdfSignatureProperties("", java.time.Duration.ofSeconds(10),
                null, "Andhra Pradesh, India"), Clock.systemUTC());
        signingIssuer = new CertificateIssuer(catalog, keys::signer, plain,
                new Certificates(JdbcClient.create(dataSource), event -> { }, store), Clock.systemUTC(), properties, seal);
        archivalIssuer = new CertificateIssuer(catalog, keys::signer, renderer,
                new Certificates(JdbcClient.create(dataSource), event -> { }, store), Clock.systemUTC(), properties, seal);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        command = new IssueCommand(catalog.service("REV-INCOME").orElseThrow(), "కొండపల్లి రమేష్",
                Map.of("ai", "96000", "pc", "520001", "ct", "BC-A", "db", "1990-08-15"), Language.TE,
                PhoneNumber.parse("9876543210"), null,
                new CertificateDocument.Signatory("Kondapalli Srinivasa Rao", "Tahsildar, Vijayawada Rural"));
        document = captureDocument(catalog, properties);
        department = catalog.requireDepartment(command.service().department());
        signerKey = keys.signer(department.code());
        signed = archivalIssuer.prepare(command);
        pdfs = new Certificates(JdbcClient.create(dataSource), event -> { }, store);
        jdbc = JdbcClient.create(dataSource);
        worker = renderingWorker(archivalIssuer, catalog, properties);
        plainWorker = renderingWorker(plainIssuer, catalog, properties);
    }

    /** The issuer's rendering worker, through its real code, over this benchmark's database and store. */
    private org.pramaan.issuer.rendering.RenderingWorker renderingWorker(CertificateIssuer pdfs, Catalog catalog,
                                                                         IssuerProperties properties) {
        return new org.pramaan.issuer.rendering.RenderingWorker(new org.pramaan.issuer.rendering.RenderQueue(jdbc),
                new Certificates(jdbc, event -> { }, store), pdfs,
                new org.pramaan.issuer.delivery.DeliveryOutbox(jdbc, catalog, properties, event -> { }), transactions,
                Clock.systemUTC(), new org.pramaan.issuer.rendering.RenderingSettings(1, 64,
                        java.time.Duration.ofMinutes(2), java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2)),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    private static org.pramaan.issuer.certificate.SignerChoice fixedKeys(IssuerProperties properties, Catalog catalog) {
        return new SignerKeys(properties, catalog, Clock.systemUTC())::signer;
    }

    /** The exact document the pipeline renders, captured once through a recording renderer. */
    private CertificateDocument captureDocument(Catalog catalog, IssuerProperties properties) {
        CertificateDocument[] seen = new CertificateDocument[1];
        CertificateIssuer recording = new CertificateIssuer(catalog, fixedKeys(properties, catalog), (d, signature) -> {
            seen[0] = d;
            return renderer.render(d, signature);
        }, null, Clock.systemUTC(), properties);
        recording.prepare(command);
        return seen[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        worker.close();
        plainWorker.close();
        store.close();
        objects.close();
        database.close();
        org.springframework.util.FileSystemUtils.deleteRecursively(home);
    }

    @Benchmark
    public byte[] renderPdfOnly() {
        return renderer.render(document, null);
    }

    /** The same PDF without the PDF/A-3b profile: what the profile costs in rendering alone. */
    @Benchmark
    public byte[] renderPlainPdfOnly() {
        return plainRenderer.render(document, null);
    }

    /**
     * The PDF/A rendered and signed PAdES B-T in the same save (signature dictionary, CMS, timestamp): against
     * {@link #renderPdfOnly}, what the seal adds.
     */
    @Benchmark
    public byte[] renderSealedPdfOnly() {
        return renderer.render(document, seal.signature(signerKey, department, java.time.Instant.now()));
    }

    /** The certificate's QR code alone, as rendering encodes it (error correction level and mask chosen). */
    @Benchmark
    public Object qrOnly() {
        return org.pramaan.issuer.pdf.CertificateQr.encode(document.qrText());
    }

    /** The as-issued PDF put in the object store alone (its SHA-256 and the S3 PUT): what storing costs. */
    @Benchmark
    public Object storeOnly() {
        return pdfs.storePdf(signed.certificate().id(), signed.pdf());
    }

    /** Claims, signature and PDF without the database: tells the signing and rendering from the storing. */
    @Benchmark
    public Object prepareOnly() {
        return issuer.prepare(command);
    }

    /** Before PAdES and PDF/A: unsigned, plain PDF (the baseline of the signed pipelines' goal, issue 18). */
    @Benchmark
    public Object issuancePipeline() {
        return transactions.execute(status -> plainIssuer.issueWithPdf(command));
    }

    /** Signed PAdES B-T, no PDF/A: issuance before the PDF was made archival. */
    @Benchmark
    public Object issuancePipelineSigned() {
        return transactions.execute(status -> signingIssuer.issueWithPdf(command));
    }

    /** As issuance is now: PDF/A-3b, then signed PAdES B-T. */
    @Benchmark
    public Object issuancePipelineArchival() {
        return transactions.execute(status -> archivalIssuer.issueWithPdf(command));
    }

    /**
     * An approval as it is now: claims, the credential's signature and the rows (certificate, anchoring, rendering),
     * the PDF made afterwards by the rendering worker; against {@link #issuancePipelineArchival}, the same run.
     */
    @Benchmark
    public Object approvalBeforePdf() {
        return transactions.execute(status -> archivalIssuer.issue(command));
    }

    /**
     * The rendering worker's job for one approved certificate: render the PDF/A from its row's values, seal it with
     * the credential's key (by kid), put it in the object store (the settling statements aside).
     */
    @Benchmark
    public Object renderingJob() {
        byte[] pdf = archivalIssuer.render(signed.certificate(), signed.cose(), command.signatory(), null);
        return pdfs.storePdf(signed.certificate().id(), pdf);
    }

    /**
     * Issuance as production runs it, as a pipeline of its two stages on their own threads: an officer's thread
     * approving (claims, the credential's signature, the certificate with its anchoring and rendering rows, one
     * commit each) and the rendering worker, through its real code, claiming what was approved and making the PDFs
     * (PDF/A-3b, sealed PAdES B-T, the S3 puts in flight while the next renders, one settling commit per batch).
     * The approver runs at most four batches ahead of the PDFs, as a backlog is bounded; the score to
     * read is {@code pdfs}, the certificates finished with their PDF per second, against {@link #renderSealedPdfOnly},
     * the same PDF rendered alone.
     */
    @State(Scope.Group)
    public static class Pipeline {
        /** Certificates the rendering thread claims at a time: {@code RENDER_BATCH}'s default, or others to compare. */
        @org.openjdk.jmh.annotations.Param("16")
        int batch;
        final java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(0);
        org.pramaan.service.work.Lease lease;

        @Setup(Level.Iteration)
        public void setUp(IssuanceBenchmark bench) {
            // Rows other benchmarks approved and left are not this run's; the queue starts empty.
            bench.jdbc.sql("DELETE FROM issuer.render_outbox").update();
            room.drainPermits();
            room.release(4 * batch);
            lease = new org.pramaan.service.work.Lease("bench@1/pipeline", java.time.Instant.now().plusSeconds(3600));
        }
    }

    /** The PDFs the pipeline finished, per second (JMH's counter for {@link #pipelineRendering}). */
    @State(Scope.Thread)
    @org.openjdk.jmh.annotations.AuxCounters(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS)
    public static class Finished {
        public long pdfs;

        @Setup(Level.Iteration)
        public void clear() {
            pdfs = 0;
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.Group("pipeline")
    public Object pipelineApproval(Pipeline pipeline) throws InterruptedException {
        return approve(pipeline, archivalIssuer);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.Group("pipeline")
    public int pipelineRendering(Pipeline pipeline, Finished finished) throws InterruptedException {
        return renderBatch(pipeline, finished, worker);
    }

    /** The same pipeline making the unsigned, plain PDF of issuance before PAdES and PDF/A: issue 18's baseline. */
    @Benchmark
    @org.openjdk.jmh.annotations.Group("pipelineUnsigned")
    public Object pipelineUnsignedApproval(Pipeline pipeline) throws InterruptedException {
        return approve(pipeline, plainIssuer);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.Group("pipelineUnsigned")
    public int pipelineUnsignedRendering(Pipeline pipeline, Finished finished) throws InterruptedException {
        return renderBatch(pipeline, finished, plainWorker);
    }

    private Object approve(Pipeline pipeline, CertificateIssuer approving) throws InterruptedException {
        // Never blocks for long: at the end of an iteration the rendering thread stops first.
        if (!pipeline.room.tryAcquire(20, TimeUnit.MILLISECONDS)) {
            return null;
        }
        return transactions.execute(status -> approving.issue(command));
    }

    private static int renderBatch(Pipeline pipeline, Finished finished,
                                   org.pramaan.issuer.rendering.RenderingWorker rendering) throws InterruptedException {
        List<org.pramaan.issuer.rendering.RenderingWorker.Batch> claimed = rendering.claim(pipeline.lease, pipeline.batch);
        if (claimed.isEmpty()) {
            Thread.sleep(1);
            return 0;
        }
        int size = claimed.get(0).certificates().size();
        rendering.work(claimed.get(0), pipeline.lease);
        finished.pdfs += size;
        pipeline.room.release(size);
        return size;
    }

    private static CatalogSource read(String name) throws IOException {
        try (InputStream in = IssuanceBenchmark.class.getResourceAsStream("/test-catalog/" + name)) {
            return new CatalogSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
