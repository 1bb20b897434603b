package org.pramaan.credential.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Finds and reads a QR code in an image (a scan, a photo, a rendered PDF page) with ZXing. */
public final class QrImageReader {

    private static final Map<DecodeHintType, Object> HINTS = Map.of(
            DecodeHintType.TRY_HARDER, Boolean.TRUE,
            DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
            DecodeHintType.CHARACTER_SET, "ISO-8859-1");

    private QrImageReader() {
    }

    /** The text of the QR code in the image, or empty when none could be read. */
    public static Optional<String> read(BufferedImage image) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return Optional.of(new QRCodeReader().decode(bitmap, HINTS).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> read(Path imageFile) throws IOException {
        BufferedImage image = ImageIO.read(imageFile.toFile());
        if (image == null) {
            throw new IOException(imageFile + " is not an image this reader understands (PNG, JPEG, GIF, BMP)");
        }
        return read(image);
    }
}
