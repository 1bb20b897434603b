package org.pramaan.issuer.pdf;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.Map;
import org.pramaan.credential.qr.QrCode;

/**
 * The QR code printed on a certificate: error correction M (it survives a crease or a smudge) while that
 * keeps the symbol at version {@value #MAX_VERSION} or lower, else L, which keeps it there for every
 * certificate of the catalog filled with long Telugu values (77 modules a side, about 0.5 mm each in the
 * printed 46 mm square: what a phone camera reads at arm's length). Only the printed symbol changes; the
 * text, the credential URL, is the same, and readers decode either level.
 *
 * <p>Whether M fits is asked of ZXing with the version fixed at {@value #MAX_VERSION} and the mask
 * fixed: it refuses data too big for that version before any error correction or masking, and a fit costs
 * one matrix, where encoding at M to read the version tries all eight masks (the largest single cost of
 * rendering a certificate), and most certificates of the catalog need version 16 or 17 at M.
 */
public final class CertificateQr {

    /** The largest QR version printed: larger ones scan badly from paper with a cheap phone. */
    public static final int MAX_VERSION = 15;

    private CertificateQr() {
    }

    /** Version {@value #MAX_VERSION} with any one mask: all a probe of the size needs. */
    private static final Map<EncodeHintType, Object> PROBE = Map.of(EncodeHintType.QR_VERSION, MAX_VERSION,
            EncodeHintType.QR_MASK_PATTERN, 0, EncodeHintType.MARGIN, QrCode.QUIET_ZONE);

    public static QrCode encode(String text) {
        return QrCode.encode(text, fitsAtM(text) ? ErrorCorrectionLevel.M : ErrorCorrectionLevel.L);
    }

    /** Whether the text fits version {@value #MAX_VERSION} (or lower) at error correction M. */
    static boolean fitsAtM(String text) {
        try {
            Encoder.encode(text, ErrorCorrectionLevel.M, PROBE);
            return true;
        } catch (WriterException e) {
            return false; // "data too big for requested version"; text no level can hold fails again at L
        }
    }
}
