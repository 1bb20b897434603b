package org.pramaan.bridge.journey;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import org.pramaan.credential.CredentialText;

/** The soak's request bodies and signatures, valid and hostile, built independently of the services' own code. */
final class SoakRequests {

    private SoakRequests() {
    }

    static HttpRequest.Builder json(URI uri, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.JSON.writeValueAsBytes(body)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /**
     * {@code size} bytes of a JSON object whose {@code field} (one the endpoint knows) never ends, chunked when no
     * length is declared: a streaming parser keeps reading it, so only the body cap stops it (bare junk would be
     * refused as bad JSON at its first byte, never reaching the cap).
     */
    static HttpRequest.BodyPublisher endlessJson(int size, boolean chunked, String field) {
        byte[] start = ("{\"" + field + "\":\"").getBytes(StandardCharsets.US_ASCII);
        if (!chunked) {
            byte[] bytes = new byte[size];
            java.util.Arrays.fill(bytes, (byte) 'A');
            System.arraycopy(start, 0, bytes, 0, start.length);
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private int sent;

            @Override
            public int read() {
                return sent >= size ? -1 : sent < start.length ? start[sent++] : next();
            }

            private int next() {
                sent++;
                return 'A';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) read();
                }
                return n;
            }
        });
    }

    /** A QR text inflating to 2 MB of zeros (the verifier stops at 16 KB); it fits a QR's 4,296 characters. */
    static String zlibBomb(String verifierBaseUrl) {
        return CredentialText.url(verifierBaseUrl, new byte[2_000_000]);
    }

    /** 72 megapixels in a few kilobytes: over the verifier's 50-megapixel budget, to be refused from the header. */
    static byte[] hugePng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(12_000, 6_000, BufferedImage.TYPE_BYTE_BINARY), "png", png);
        return png.toByteArray();
    }

    /** Meta's {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body. */
    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
