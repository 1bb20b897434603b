package org.pramaan.issuer.pdf.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.pramaan.issuer.pdf.CertificateDocument;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.pdf.TestCertificates;

/**
 * PDF rendering alone, in certificates per second: the baseline the issuance pipeline (claims, sign,
 * PDF, store, enqueue) is measured against. One shared renderer, as in the service; the documents
 * are built and signed once in setup, so only layout, shaping, font subsetting and writing count.
 *
 * <p>Run after {@code mvn -pl issuer-service test-compile} with the test classpath, for example
 * {@code java -cp <test classpath> org.openjdk.jmh.Main CertificateRenderingBenchmark}, or through
 * {@link #main}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CertificateRenderingBenchmark {

    private CertificatePdfRenderer renderer;
    private CertificateDocument telugu;
    private CertificateDocument hindi;
    private CertificateDocument english;

    @Setup
    public void setUp() {
        renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        TestCertificates certificates = new TestCertificates();
        telugu = certificates.telugu();
        hindi = certificates.hindi();
        english = certificates.english();
    }

    @Benchmark
    public byte[] telugu() {
        return renderer.render(telugu);
    }

    @Benchmark
    public byte[] hindi() {
        return renderer.render(hindi);
    }

    @Benchmark
    public byte[] english() {
        return renderer.render(english);
    }

    /** Two threads share the renderer, as the issuance pipeline's workers do on this two-core machine. */
    @Benchmark
    @Threads(2)
    public byte[] teluguTwoThreads() {
        return renderer.render(telugu);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(CertificateRenderingBenchmark.class.getName()).build()).run();
    }
}
