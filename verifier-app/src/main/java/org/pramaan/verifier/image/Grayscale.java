package org.pramaan.verifier.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Small image operations on 8-bit gray images, written out so that each costs one pass. */
final class Grayscale {

    private Grayscale() {
    }

    static BufferedImage of(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = pixels(gray);
        int width = image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int luma = (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
                out[y * width + x] = (byte) luma;
            }
        }
        return gray;
    }

    /** Stretches the 1st to 99th percentile of brightness over the full range: a dim photo becomes clear. */
    static BufferedImage stretch(BufferedImage gray) {
        byte[] in = pixels(gray);
        int[] histogram = new int[256];
        for (byte b : in) {
            histogram[b & 0xff]++;
        }
        int low = percentile(histogram, in.length / 100);
        int high = 255 - percentile(reversed(histogram), in.length / 100);
        if (high - low < 8) {
            return gray;
        }
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = pixels(out);
        for (int i = 0; i < in.length; i++) {
            int v = ((in[i] & 0xff) - low) * 255 / (high - low);
            target[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return out;
    }

    /** A 3x3 box blur: takes the grain out of a noisy photo before binarising. */
    static BufferedImage smooth(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] in = pixels(gray);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = pixels(out);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < width) {
                            sum += in[yy * width + xx] & 0xff;
                            n++;
                        }
                    }
                }
                target[y * width + x] = (byte) (sum / n);
            }
        }
        return out;
    }

    /** A 3x3 sharpening (centre 5, edges -1): gives a slightly blurred photo its module edges back. */
    static BufferedImage sharpen(BufferedImage gray) {
        int width = gray.getWidth();
        int height = gray.getHeight();
        byte[] in = pixels(gray);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = pixels(out);
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int v = 5 * (in[i] & 0xff) - (in[i - 1] & 0xff) - (in[i + 1] & 0xff) - (in[i - width] & 0xff)
                        - (in[i + width] & 0xff);
                target[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        return out;
    }

    private static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    private static int percentile(int[] histogram, int count) {
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > count) {
                return v;
            }
        }
        return histogram.length - 1;
    }

    private static int[] reversed(int[] histogram) {
        int[] r = new int[histogram.length];
        for (int i = 0; i < histogram.length; i++) {
            r[i] = histogram[histogram.length - 1 - i];
        }
        return r;
    }
}
