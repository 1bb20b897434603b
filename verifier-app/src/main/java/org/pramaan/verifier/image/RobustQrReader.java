package org.pramaan.verifier.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.pramaan.credential.qr.QrImageReader;

/**
 * Reads a QR code from a photo as people take them: large, dim, noisy, slightly blurred. ZXing
 * ({@link QrImageReader}) copes with angle and rotation by itself; what defeats it is scale (a
 * 12-megapixel photo whose modules are 30 pixels wide, with sensor noise inside each), low contrast
 * and noise. So the ladder is: as given; then at a few working sizes, each plain, contrast-stretched,
 * and smoothed then stretched. The first reading wins; every rung is bounded.
 */
public final class RobustQrReader {

    private static final int[] WORKING_SIZES = {1600, 1100, 800, 560};
    private static final double ANISOTROPIC_SIZE = 2000;
    private static final double[] STRETCHES = {1.5, 2.0, 2.5};

    private RobustQrReader() {
    }

    public static Optional<String> read(BufferedImage image) {
        return read(image, DecodeBudget.unlimited());
    }

    /** As {@link #read(BufferedImage)}, checking the deadline before every rung. */
    public static Optional<String> read(BufferedImage image, DecodeBudget budget) {
        budget.check();
        Optional<String> text = QrImageReader.read(image);
        if (text.isPresent()) {
            return text;
        }
        BufferedImage gray = Grayscale.of(image);
        int longest = Math.max(gray.getWidth(), gray.getHeight());
        for (int size : WORKING_SIZES) {
            // Enlarging a small image too: ZXing wants modules a few pixels wide.
            if (size > longest * 2) {
                continue;
            }
            BufferedImage scaled = size == longest ? gray : scale(gray, (double) size / longest);
            for (BufferedImage variant : new BufferedImage[] {scaled, Grayscale.stretch(scaled),
                    Grayscale.stretch(Grayscale.smooth(scaled))}) {
                budget.check();
                text = QrImageReader.read(variant);
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        // Blur: sharpen at full size, and enlarge a small image so each module spans more pixels.
        for (BufferedImage variant : new BufferedImage[] {Grayscale.stretch(Grayscale.sharpen(gray)),
                longest < 2400 ? Grayscale.stretch(scale(gray, 1.5)) : null}) {
            budget.check();
            text = variant == null ? Optional.empty() : QrImageReader.read(variant);
            if (text.isPresent()) {
                return text;
            }
        }
        // A page photographed at a steep angle is squashed along one axis, and ZXing's finder-pattern
        // check wants modules about as tall as they are wide: stretch each axis in turn to undo it.
        double base = Math.min(1.0, ANISOTROPIC_SIZE / longest);
        for (double stretch : STRETCHES) {
            for (boolean vertical : new boolean[] {true, false}) {
                budget.check();
                BufferedImage stretched = scale(gray, vertical ? base : base * stretch, vertical ? base * stretch : base);
                text = QrImageReader.read(Grayscale.stretch(stretched));
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        // Last rungs, dearer: turned 45 degrees, a squashed finder pattern is crossed diagonally and
        // passes ZXing's checks; enlarged three times, a blurred one gets its edges back.
        budget.check();
        text = QrImageReader.read(Grayscale.stretch(rotate45(scale(gray, Math.min(1.0, 1600.0 / longest)))));
        if (text.isPresent() || longest > 2000) {
            return text;
        }
        budget.check();
        return QrImageReader.read(Grayscale.stretch(scale(gray, 3)));
    }

    static BufferedImage rotate45(BufferedImage gray) {
        int side = (int) Math.ceil(Math.hypot(gray.getWidth(), gray.getHeight()));
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.translate(side / 2.0, side / 2.0);
            g.rotate(Math.PI / 4);
            g.drawImage(gray, -gray.getWidth() / 2, -gray.getHeight() / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static BufferedImage scale(BufferedImage gray, double factor) {
        return scale(gray, factor, factor);
    }

    static BufferedImage scale(BufferedImage gray, double factorX, double factorY) {
        double factor = Math.min(factorX, factorY);
        int width = Math.max(1, (int) Math.round(gray.getWidth() * factorX));
        int height = Math.max(1, (int) Math.round(gray.getHeight() * factorY));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            // Area averaging when shrinking also averages away sensor noise.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(gray.getScaledInstance(width, height,
                    factor < 1 ? java.awt.Image.SCALE_AREA_AVERAGING : java.awt.Image.SCALE_SMOOTH), 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
