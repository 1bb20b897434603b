package org.pramaan.issuer.pdf;

import com.google.zxing.common.BitMatrix;
import org.pramaan.issuer.pdf.ContentWriter.Color;

/** The certificate's vector drawings: the QR code and the neutral seal in the emblem area. */
final class Drawings {

    private Drawings() {
    }

    /**
     * Draws the QR code, quiet zone included, as a square of {@code side} points with its lower left
     * corner at (x, y). Each row's dark runs become rectangles of one path filled once: no raster
     * image to blur when printed, a few kilobytes at most, and no seams between modules.
     */
    static void qrCode(ContentWriter content, String text, float x, float y, float side) {
        BitMatrix modules = CertificateQr.encode(text).modules();
        int count = modules.getWidth();
        float module = side / count;
        content.fill(Color.BLACK);
        for (int row = 0; row < count; row++) {
            float top = y + side - row * module;
            for (int column = 0; column < count; column++) {
                if (modules.get(column, row)) {
                    int run = 1;
                    while (column + run < count && modules.get(column + run, row)) {
                        run++;
                    }
                    content.rect(x + column * module, top - module, run * module, module);
                    column += run - 1;
                }
            }
        }
        content.fillPath();
    }

    /**
     * A plain seal: two rings around an eight-pointed star. Deliberately no state emblem: a
     * department adds its own artwork through its template, and an official emblem must not appear on
     * test or sample certificates.
     */
    static void seal(ContentWriter content, float cx, float cy, float radius) {
        content.stroke(Color.ACCENT, 1.6f);
        content.circle(cx, cy, radius);
        content.strokePath();
        content.stroke(Color.ACCENT, 0.6f);
        content.circle(cx, cy, radius * 0.84f);
        content.strokePath();
        content.fill(Color.ACCENT);
        int points = 8;
        for (int i = 0; i < 2 * points; i++) {
            double angle = Math.PI / 2 + i * Math.PI / points;
            float r = i % 2 == 0 ? radius * 0.62f : radius * 0.30f;
            float px = cx + (float) (r * Math.cos(angle));
            float py = cy + (float) (r * Math.sin(angle));
            if (i == 0) {
                content.moveTo(px, py);
            } else {
                content.lineTo(px, py);
            }
        }
        content.closePath();
        content.fillPath();
        content.fill(Color.WHITE);
        content.circle(cx, cy, radius * 0.12f);
        content.fillPath();
    }

    /** The double frame around the page. */
    static void frame(ContentWriter content, float width, float height) {
        content.stroke(Color.ACCENT, 1.6f);
        content.rect(20, 20, width - 40, height - 40);
        content.strokePath();
        content.stroke(Color.ACCENT, 0.5f);
        content.rect(25, 25, width - 50, height - 50);
        content.strokePath();
    }

    static void rule(ContentWriter content, float x1, float x2, float y, Color color, float width) {
        content.stroke(color, width);
        content.moveTo(x1, y);
        content.lineTo(x2, y);
        content.strokePath();
    }
}
