package org.pramaan.catalog.document;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a supporting document's bytes really are, from their first bytes (the "magic"): a PDF, a JPEG or a PNG. A file
 * is taken only when its declared media type and its bytes agree; a renamed executable or a photo declared as a PDF is
 * refused. Both services use this one check: the bridge before it keeps a citizen's file, the issuer before it stores
 * one.
 */
public enum DocumentType {
    PDF("application/pdf", DocumentKind.PDF, "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", DocumentKind.IMAGE, "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", DocumentKind.IMAGE, "png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mimeType;
    private final DocumentKind kind;
    private final String extension;
    private final byte[] magic;

    DocumentType(String mimeType, DocumentKind kind, String extension, byte[] magic) {
        this.mimeType = mimeType;
        this.kind = kind;
        this.extension = extension;
        this.magic = magic;
    }

    public String mimeType() {
        return mimeType;
    }

    public DocumentKind kind() {
        return kind;
    }

    public String extension() {
        return extension;
    }

    /** The type whose magic bytes {@code bytes} start with; empty for anything else. */
    public static Optional<DocumentType> sniff(byte[] bytes) {
        return Arrays.stream(values()).filter(t -> t.startsOf(bytes)).findFirst();
    }

    /** The type of a declared media type; empty for anything else. */
    public static Optional<DocumentType> ofMimeType(String mimeType) {
        String bare = bare(mimeType);
        return Arrays.stream(values()).filter(t -> t.mimeType.equals(bare)).findFirst();
    }

    /**
     * The type of a file declared as {@code mimeType} whose bytes are {@code bytes}: present only when the declared
     * type is a PDF, JPEG or PNG and the bytes are that type.
     */
    public static Optional<DocumentType> check(String mimeType, byte[] bytes) {
        return ofMimeType(mimeType).filter(t -> t.startsOf(bytes));
    }

    private boolean startsOf(byte[] bytes) {
        return bytes != null && bytes.length >= magic.length
                && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    static String bare(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
