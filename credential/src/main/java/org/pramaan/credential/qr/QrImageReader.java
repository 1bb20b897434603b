package org.pramaan.credential.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Finds and reads a QR code in an image (a scan, a photo, a rendered PDF page) with ZXing.
 *
 * <p>ZXing's finder-pattern detector misses some symbols whose data happens to look like a finder
 * pattern (about one credential in twenty, even in a perfect rendering), so reading tries a short
 * ladder of ZXing's own alternatives: both binarizers, the pure-barcode path, then the image turned
 * a quarter. The first that decodes wins.
 */
public final class QrImageReader {

    private static final Map<DecodeHintType, Object> HINTS = hints(false);
    private static final Map<DecodeHintType, Object> PURE_HINTS = hints(true);

    private QrImageReader() {
    }

    /** The text of the QR code in the image, or empty when none could be read. */
    public static Optional<String> read(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        List<LuminanceSource> orientations = List.of(source, source.isRotateSupported() ? source.rotateCounterClockwise() : source);
        for (LuminanceSource oriented : orientations) {
            for (Function<LuminanceSource, Binarizer> binarizer : List.<Function<LuminanceSource, Binarizer>>of(
                    HybridBinarizer::new, GlobalHistogramBinarizer::new)) {
                for (Map<DecodeHintType, Object> hints : List.of(HINTS, PURE_HINTS)) {
                    Optional<String> text = decode(new BinaryBitmap(binarizer.apply(oriented)), hints);
                    if (text.isPresent()) {
                        return text;
                    }
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<String> read(Path imageFile) throws IOException {
        BufferedImage image = ImageIO.read(imageFile.toFile());
        if (image == null) {
            throw new IOException(imageFile + " is not an image this reader understands (PNG, JPEG, GIF, BMP)");
        }
        return read(image);
    }

    private static Optional<String> decode(BinaryBitmap bitmap, Map<DecodeHintType, Object> hints) {
        try {
            return Optional.of(new QRCodeReader().decode(bitmap, hints).getText());
        } catch (ReaderException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            // Not found or not decodable this way; the next rung of the ladder may do better.
            return Optional.empty();
        }
    }

    private static Map<DecodeHintType, Object> hints(boolean pure) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.CHARACTER_SET, "ISO-8859-1");
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        return Map.copyOf(hints);
    }
}
