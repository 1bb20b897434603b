package org.pramaan.credential;

import static org.pramaan.credential.MalformedCredentialException.Reason.BAD_ZLIB;
import static org.pramaan.credential.MalformedCredentialException.Reason.EMPTY;
import static org.pramaan.credential.MalformedCredentialException.Reason.NOT_BASE32;
import static org.pramaan.credential.MalformedCredentialException.Reason.TOO_LARGE;

import com.google.common.io.BaseEncoding;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The text form of a credential: COSE_Sign1 bytes, zlib-compressed, Base32 upper case without
 * padding, optionally inside the verifier URL {@code <BASE URL>/C/<payload>}. Every character is in
 * the QR alphanumeric set (0-9, A-Z, space, $%*+-./:), so the QR stays in its densest text mode,
 * and a phone camera opens the verifier page directly.
 */
public final class CredentialText {

    /** The most characters a QR code can hold in alphanumeric mode (version 40, level L). */
    public static final int MAX_TEXT_LENGTH = 4296;
    /** Credentials inflate to a few hundred bytes; anything past this is not ours. */
    public static final int MAX_INFLATED_BYTES = 16 * 1024;
    /** The path segment between the verifier base URL and the payload. */
    public static final String PATH = "/C/";

    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();
    /**
     * zlib streams are costly to set up (a best-compression deflater allocates and clears about 256 KB,
     * as long as a native signature takes) and cheap to reset, so each thread keeps one of each.
     */
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_COMPRESSION));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    private CredentialText() {
    }

    /** The bare payload for COSE bytes. */
    public static String payload(byte[] cose) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(cose);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(cose.length);
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        return BASE32.encode(out.toByteArray());
    }

    /** The URL that goes in the QR: upper case, so it stays in alphanumeric mode. */
    public static String url(String verifierBaseUrl, byte[] cose) {
        String base = verifierBaseUrl.endsWith("/")
                ? verifierBaseUrl.substring(0, verifierBaseUrl.length() - 1)
                : verifierBaseUrl;
        return base.toUpperCase(Locale.ROOT) + PATH + payload(cose);
    }

    /**
     * COSE bytes from a full URL in any letter case, or a bare payload. Never throws anything but
     * {@link MalformedCredentialException}, and never inflates past {@link #MAX_INFLATED_BYTES}.
     */
    public static byte[] decode(String text) throws MalformedCredentialException {
        if (text == null || text.isBlank()) {
            throw new MalformedCredentialException(EMPTY, "nothing to decode: the text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new MalformedCredentialException(TOO_LARGE,
                    "the text has " + text.length() + " characters; a QR code holds at most " + MAX_TEXT_LENGTH);
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        int path = upper.lastIndexOf(PATH);
        String payload = path >= 0 ? upper.substring(path + PATH.length()) : upper;
        int query = payload.indexOf('?');
        if (query >= 0) {
            payload = payload.substring(0, query);
        }
        if (payload.isEmpty()) {
            throw new MalformedCredentialException(EMPTY, "the URL has no credential after " + PATH);
        }
        byte[] compressed;
        try {
            compressed = BASE32.decode(payload);
        } catch (IllegalArgumentException e) {
            throw new MalformedCredentialException(NOT_BASE32, "not Base32: " + e.getMessage());
        }
        return inflate(compressed);
    }

    private static byte[] inflate(byte[] compressed) throws MalformedCredentialException {
        Inflater inflater = INFLATER.get();
        // Reset before use, not after: a stream left mid-way by a malformed input starts clean here.
        inflater.reset();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(compressed.length * 4, MAX_INFLATED_BYTES));
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new MalformedCredentialException(BAD_ZLIB, "the compressed data is truncated");
                }
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new MalformedCredentialException(TOO_LARGE,
                            "the credential inflates past " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new MalformedCredentialException(BAD_ZLIB, "there are bytes after the compressed data");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MalformedCredentialException(BAD_ZLIB, "not zlib data: " + e.getMessage());
        }
    }
}
