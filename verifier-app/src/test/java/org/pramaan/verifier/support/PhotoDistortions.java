package org.pramaan.verifier.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import com.google.zxing.common.PerspectiveTransform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** What a phone camera does to a printed page, one effect at a time, each with a fixed seed. */
public final class PhotoDistortions {

    private PhotoDistortions() {
    }

    public static BufferedImage rotate(BufferedImage image, double degrees) {
        double radians = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(radians));
        double cos = Math.abs(Math.cos(radians));
        int width = (int) Math.ceil(image.getWidth() * cos + image.getHeight() * sin);
        int height = (int) Math.ceil(image.getWidth() * sin + image.getHeight() * cos);
        BufferedImage out = canvas(width, height, new Color(90, 80, 70));
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            AffineTransform t = new AffineTransform();
            t.translate(width / 2.0, height / 2.0);
            t.rotate(radians);
            t.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The page seen at an angle: a true homography (ZXing's {@link PerspectiveTransform}) that maps
     * the page onto a trapezoid whose far (top) edge is {@code squeeze} narrower, sampled bilinearly.
     */
    public static BufferedImage perspective(BufferedImage image, double squeeze) {
        int w = image.getWidth();
        int h = image.getHeight();
        float inset = (float) (w * squeeze / 2);
        PerspectiveTransform toSource = PerspectiveTransform.quadrilateralToQuadrilateral(
                inset, 0, w - inset, 0, w, h, 0, h,
                0, 0, w - 1, 0, w - 1, h - 1, 0, h - 1);
        BufferedImage out = canvas(w, h, new Color(60, 60, 60));
        float[] point = new float[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                point[0] = x;
                point[1] = y;
                toSource.transformPoints(point);
                if (point[0] >= 0 && point[0] < w - 1 && point[1] >= 0 && point[1] < h - 1) {
                    out.setRGB(x, y, bilinear(image, point[0], point[1]));
                }
            }
        }
        return out;
    }

    public static BufferedImage blur(BufferedImage image, int radius) {
        int size = radius * 2 + 1;
        float[] weights = new float[size * size];
        java.util.Arrays.fill(weights, 1f / weights.length);
        BufferedImage rgb = canvas(image.getWidth(), image.getHeight(), Color.WHITE);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(rgb, null);
    }

    /** Darkens to {@code level} (0.25 = a quarter of the light) and lowers the contrast. */
    public static BufferedImage dim(BufferedImage image, double level) {
        BufferedImage out = canvas(image.getWidth(), image.getHeight(), Color.BLACK);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * level + 20);
                int g = (int) (((rgb >> 8) & 0xff) * level + 20);
                int b = (int) ((rgb & 0xff) * level + 25);
                out.setRGB(x, y, (Math.min(r, 255) << 16) | (Math.min(g, 255) << 8) | Math.min(b, 255));
            }
        }
        return out;
    }

    public static BufferedImage noise(BufferedImage image, double sigma, long seed) {
        Random random = new Random(seed);
        BufferedImage out = canvas(image.getWidth(), image.getHeight(), Color.BLACK);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) (random.nextGaussian() * sigma);
                out.setRGB(x, y, (clamp(((rgb >> 16) & 0xff) + n) << 16) | (clamp(((rgb >> 8) & 0xff) + n) << 8)
                        | clamp((rgb & 0xff) + n));
            }
        }
        return out;
    }

    public static BufferedImage jpeg(BufferedImage image, float quality) {
        try {
            BufferedImage rgb = canvas(image.getWidth(), image.getHeight(), Color.WHITE);
            rgb.getGraphics().drawImage(image, 0, 0, null);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage scale(BufferedImage image, double factor) {
        int w = (int) (image.getWidth() * factor);
        int h = (int) (image.getHeight() * factor);
        BufferedImage out = canvas(w, h, Color.WHITE);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage canvas(int width, int height, Color background) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return out;
    }

    private static int bilinear(BufferedImage image, double x, double y) {
        int x0 = (int) x;
        int y0 = Math.min((int) y, image.getHeight() - 2);
        double fx = x - x0;
        double fy = y - y0;
        int result = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double top = ((image.getRGB(x0, y0) >> shift) & 0xff) * (1 - fx) + ((image.getRGB(x0 + 1, y0) >> shift) & 0xff) * fx;
            double bottom = ((image.getRGB(x0, y0 + 1) >> shift) & 0xff) * (1 - fx)
                    + ((image.getRGB(x0 + 1, y0 + 1) >> shift) & 0xff) * fx;
            result |= clamp((int) Math.round(top * (1 - fy) + bottom * fy)) << shift;
        }
        return result;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
