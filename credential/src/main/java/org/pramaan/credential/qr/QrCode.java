package org.pramaan.credential.qr;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * A QR code for a credential URL, made with ZXing. Error correction M by default: it survives a
 * crease or a smudge on a printed certificate while keeping the symbol small enough for a cheap
 * phone camera at arm's length.
 */
public final class QrCode {

    /** Modules of quiet zone around the symbol, as ISO/IEC 18004 requires. */
    public static final int QUIET_ZONE = 4;

    private final com.google.zxing.qrcode.encoder.QRCode symbol;

    private QrCode(com.google.zxing.qrcode.encoder.QRCode symbol) {
        this.symbol = symbol;
    }

    public static QrCode encode(String text) {
        return encode(text, ErrorCorrectionLevel.M);
    }

    public static QrCode encode(String text, ErrorCorrectionLevel level) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(level, "level");
        try {
            return new QrCode(Encoder.encode(text, level, Map.of(EncodeHintType.MARGIN, QUIET_ZONE)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the text does not fit in a QR code at level " + level + ": " + e.getMessage(), e);
        }
    }

    /** The QR version, 1 to 40: a credential should stay at 15 or lower to scan well from print. */
    public int version() {
        return symbol.getVersion().getVersionNumber();
    }

    public Mode mode() {
        return symbol.getMode();
    }

    public ErrorCorrectionLevel errorCorrection() {
        return symbol.getECLevel();
    }

    /** Modules per side, without the quiet zone. */
    public int size() {
        return symbol.getMatrix().getWidth();
    }

    /** The symbol with its quiet zone, one bit per module. */
    public BitMatrix modules() {
        int side = size() + 2 * QUIET_ZONE;
        BitMatrix matrix = new BitMatrix(side, side);
        var source = symbol.getMatrix();
        for (int y = 0; y < source.getHeight(); y++) {
            for (int x = 0; x < source.getWidth(); x++) {
                if (source.get(x, y) == 1) {
                    matrix.set(x + QUIET_ZONE, y + QUIET_ZONE);
                }
            }
        }
        return matrix;
    }

    /** A PNG image with {@code pixelsPerModule} pixels for each module. */
    public byte[] png(int pixelsPerModule) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(scaled(pixelsPerModule), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the QR code as PNG", e);
        }
    }

    public BufferedImage image(int pixelsPerModule) {
        return MatrixToImageWriter.toBufferedImage(scaled(pixelsPerModule));
    }

    /**
     * An SVG image, one path for all dark modules, sized in modules so it scales without blur.
     * ZXing writes raster images only; an SVG is a few lines over its module matrix.
     */
    public String svg() {
        BitMatrix matrix = modules();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    int run = 1;
                    while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
                        run++;
                    }
                    path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
                    x += run - 1;
                }
            }
        }
        int side = matrix.getWidth();
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>\n";
    }

    private BitMatrix scaled(int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 64) {
            throw new IllegalArgumentException("pixels per module must be 1 to 64, got " + pixelsPerModule);
        }
        BitMatrix modules = modules();
        int side = modules.getWidth() * pixelsPerModule;
        BitMatrix out = new BitMatrix(side, side);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                if (modules.get(x, y)) {
                    out.setRegion(x * pixelsPerModule, y * pixelsPerModule, pixelsPerModule, pixelsPerModule);
                }
            }
        }
        return out;
    }
}
