package org.pramaan.issuer.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Flate (zlib) for the PDF's streams at a level chosen per kind of stream, where PDFBox's filter compresses
 * every stream at one level (zlib's default, 6). The font subsets are most of a certificate's bytes and of
 * its compression CPU; {@link #FONT_LEVEL} was chosen by {@code pdf.bench.FlateLevelBenchmark} (bytes and
 * CPU per level on the real subsets).
 */
final class Flate {

    /** The level for font programs: see the class comment. */
    static final int FONT_LEVEL = 1;

    private Flate() {
    }

    /** {@code bytes} zlib-compressed at {@code level}. */
    static byte[] deflate(byte[] bytes, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 2));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** A stream of {@code document} holding {@code bytes} Flate-compressed at {@code level}. */
    static PDStream stream(PDDocument document, byte[] bytes, int level) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflate(bytes, level));
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        return new PDStream(stream);
    }

    /** {@code bytes} as PDFBox's own Flate filter would write them (the default level). */
    static PDStream defaultStream(PDDocument document, byte[] bytes) throws IOException {
        return new PDStream(document, new ByteArrayInputStream(bytes), COSName.FLATE_DECODE);
    }
}
