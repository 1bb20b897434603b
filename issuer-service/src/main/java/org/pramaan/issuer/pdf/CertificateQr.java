package org.pramaan.issuer.pdf;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.pramaan.credential.qr.QrCode;

/**
 * The QR code printed on a certificate: error correction M (it survives a crease or a smudge) while that
 * keeps the symbol at version {@value #MAX_VERSION} or lower, else L, which keeps it there for every
 * certificate of the catalog filled with long Telugu values (77 modules a side, about 0.5 mm each in the
 * printed 46 mm square: what a phone camera reads at arm's length). Only the printed symbol changes; the
 * text, the credential URL, is the same, and readers decode either level.
 */
public final class CertificateQr {

    /** The largest QR version printed: larger ones scan badly from paper with a cheap phone. */
    public static final int MAX_VERSION = 15;

    private CertificateQr() {
    }

    public static QrCode encode(String text) {
        QrCode robust = QrCode.encode(text, ErrorCorrectionLevel.M);
        return robust.version() <= MAX_VERSION ? robust : QrCode.encode(text, ErrorCorrectionLevel.L);
    }
}
