package org.pramaan.catalog.document;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a supporting document may be: a photo ({@code image}: JPEG or PNG) or a PDF. The catalog names them in lower
 * case ({@code "kinds": ["image", "pdf"]}).
 */
public enum DocumentKind {
    IMAGE(List.of("image/jpeg", "image/png")),
    PDF(List.of("application/pdf"));

    private final List<String> mimeTypes;

    DocumentKind(List<String> mimeTypes) {
        this.mimeTypes = mimeTypes;
    }

    public List<String> mimeTypes() {
        return mimeTypes;
    }

    /** The kind a media type belongs to (parameters such as {@code ; charset} ignored); empty for any other type. */
    public static Optional<DocumentKind> ofMimeType(String mimeType) {
        String bare = DocumentType.bare(mimeType);
        return Arrays.stream(values()).filter(k -> k.mimeTypes.contains(bare)).findFirst();
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code image} or {@code pdf}, any case. */
    @JsonCreator
    public static DocumentKind parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("a document kind is image or pdf, got '"
                        + code + "'"));
    }
}
