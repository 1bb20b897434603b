package org.pramaan.issuer.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/** Small files whose first bytes are what their names say (each call different bytes, so a new object). */
public final class SampleFiles {

    private SampleFiles() {
    }

    public static byte[] jpeg() {
        return withMagic(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2048);
    }

    public static byte[] png() {
        return withMagic(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 2048);
    }

    public static byte[] pdf() {
        return withMagic("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 3000);
    }

    private static byte[] withMagic(byte[] magic, int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return Arrays.copyOf(bytes, size);
    }
}
