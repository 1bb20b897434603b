package org.pramaan.issuer.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.TimeZone;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Saves a document signed in its one and only revision. PDFBox adds the signature dictionary and its invisible,
 * printed signature field ({@link PDDocument#addSignature}) and writes the whole file with the dictionary's
 * placeholders, {@code /ByteRange [0 1000000000 1000000000 1000000000]} and {@code /Contents} of zeros; here the real
 * byte range (the whole file but the {@code /Contents} string) is written over its placeholder, and the CMS of the
 * bytes it covers, in hex, over the zeros.
 *
 * <p>Why not PDFBox's own signing save: PDFBox fills in a signature only while appending an incremental update to a
 * file it parsed, so a certificate made in memory had to be saved, parsed again ({@code Loader.loadPDF}) and saved
 * once more: about 0.8 ms of the 1.9 ms a signed certificate cost over an unsigned one (JFR, docs/capacity.md). A
 * signature in the first revision covering the whole file is what ISO 32000-1 (12.8.1) describes and PAdES
 * accepts; Poppler's pdfsig, the EU's DSS and veraPDF check these files in the tests.
 *
 * <p>Saved without object streams: a signature dictionary inside a compressed object stream could not be filled in.
 */
final class SignedSave {

    private static final String BYTE_RANGE_PLACEHOLDER = "/ByteRange [0 1000000000 1000000000 1000000000]";
    private static final String CONTENTS = "/Contents <";

    private SignedSave() {
    }

    static byte[] save(PDDocument document, PdfSignature signature) throws IOException {
        PDSignature dictionary = new PDSignature();
        dictionary.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        dictionary.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        dictionary.setName(signature.signerName());
        dictionary.setReason(signature.reason());
        if (signature.location() != null) {
            dictionary.setLocation(signature.location());
        }
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(signature.signedAt().toEpochMilli());
        dictionary.setSignDate(when);
        try (SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(signature.reservedBytes());
            document.addSignature(dictionary, options);
        }
        Buffer file = new Buffer(128 * 1024);
        document.save(file, CompressParameters.NO_COMPRESSION);

        String text = file.latin1();
        int range = file.only(text, BYTE_RANGE_PLACEHOLDER);
        int contents = file.only(text, CONTENTS) + CONTENTS.length() - 1; // at its '<'
        int digits = 2 * signature.reservedBytes();
        int end = contents + 1 + digits; // at its '>'
        if (end >= file.size || file.bytes[end] != '>' || !zeros(file.bytes, contents + 1, end)) {
            throw new IOException("the signature's /Contents placeholder is not where PDFBox should have written it");
        }
        int after = end + 1;
        byte[] byteRange = ("/ByteRange [0 " + contents + " " + after + " " + (file.size - after) + "]")
                .getBytes(StandardCharsets.US_ASCII);
        // Padded with spaces to the placeholder's width, as PDFBox pads it: no offset after it moves.
        Arrays.fill(file.bytes, range, range + BYTE_RANGE_PLACEHOLDER.length(), (byte) ' ');
        System.arraycopy(byteRange, 0, file.bytes, range, byteRange.length);

        byte[] cms = signature.cms().sign(new SequenceInputStream(
                new ByteArrayInputStream(file.bytes, 0, contents),
                new ByteArrayInputStream(file.bytes, after, file.size - after)));
        if (2 * cms.length > digits) {
            throw new IOException("the CMS signature (" + cms.length + " bytes) is larger than the "
                    + signature.reservedBytes() + " bytes reserved for it");
        }
        byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, file.bytes, contents + 1, hex.length);
        return Arrays.copyOf(file.bytes, file.size);
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * The file being written. Not a {@link java.io.ByteArrayOutputStream}: PDFBox writes hex strings (the 16 KB of
     * the reserved signature among them) a byte at a time, and that class takes a lock for every byte.
     */
    private static final class Buffer extends OutputStream {

        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (size + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        /**
         * Where {@code pattern} is, checked to be there once only. Searched in a Latin-1 string of the file, forwards
         * both times: the JDK's {@code String.indexOf} is vectorised, its {@code lastIndexOf} is not (with it the
         * check took 0.15 ms a certificate, async-profiler; a byte loop here had taken 0.2 ms, JFR).
         */
        int only(String text, String pattern) throws IOException {
            int first = text.indexOf(pattern);
            if (first < 0 || text.indexOf(pattern, first + 1) >= 0) {
                throw new IOException("expected " + pattern + " once in the saved PDF, found it "
                        + (first < 0 ? "nowhere" : "more than once"));
            }
            return first;
        }

        String latin1() {
            return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        }
    }
}
