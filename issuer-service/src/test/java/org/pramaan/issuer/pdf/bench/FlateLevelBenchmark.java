package org.pramaan.issuer.pdf.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openjdk.jmh.annotations.Warmup;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.pdf.TestCertificates;

/**
 * Flate at each level over the font subsets of a rendered Telugu certificate (the font programs as embedded,
 * decoded from the PDF): time per certificate's fonts, and the compressed bytes printed in setup, to choose
 * {@code Flate.FONT_LEVEL}. Run with the test classpath: {@code org.openjdk.jmh.Main FlateLevelBenchmark
 * -prof org.pramaan.issuer.bench.ProcessCpuProfiler}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class FlateLevelBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(FlateLevelBenchmark.class);

    @Param({"1", "3", "6"})
    public int level;

    private final List<byte[]> fonts = new ArrayList<>();
    private final byte[] buffer = new byte[16384];

    @Setup
    public void setUp() throws Exception {
        byte[] pdf = new CertificatePdfRenderer(CertificateFonts.discover()).render(new TestCertificates().telugu());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (COSObject object : document.getDocument().getXrefTable().keySet().stream()
                    .map(k -> document.getDocument().getObjectFromPool(k)).toList()) {
                COSBase base = object.getObject();
                if (base instanceof COSStream stream && stream.containsKey(COSName.LENGTH1)) {
                    fonts.add(stream.createInputStream().readAllBytes());
                }
            }
        }
        long raw = fonts.stream().mapToLong(f -> f.length).sum();
        long compressed = 0;
        for (byte[] font : fonts) {
            compressed += compress(font);
        }
        LOG.info("font subsets: {}, {} bytes raw, {} bytes at level {}", fonts.size(), raw, compressed, level);
    }

    private long compress(byte[] font) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(font);
            deflater.finish();
            long total = 0;
            while (!deflater.finished()) {
                total += deflater.deflate(buffer);
            }
            return total;
        } finally {
            deflater.end();
        }
    }

    /** Compresses every font subset of one certificate. */
    @Benchmark
    public long fontsOfOneCertificate() {
        long total = 0;
        for (byte[] font : fonts) {
            total += compress(font);
        }
        return total;
    }
}
