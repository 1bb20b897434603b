package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.pramaan.catalog.document.DocumentKind;

/**
 * A supporting document a certificate service names. With a {@code key} the chat asks the citizen for it (a photo or
 * a PDF, as {@code kinds} allow) and it is stored with the application; without one it is only listed in the
 * service's introduction ("keep these ready"), as every document was before uploads.
 *
 * @param key      2-12 lower-case letters, digits or {@code _}, unique within the form; null: listed only
 * @param labels   its name in te, en and hi
 * @param required the application cannot be submitted (nor approved) without it; an optional one may be skipped
 * @param kinds    what may be sent for it; empty for a listed-only document
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SupportingDocument(String key, Localized labels, boolean required, List<DocumentKind> kinds) {

    public SupportingDocument {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** A document that is only named, never asked for. */
    public static SupportingDocument listed(Localized labels) {
        return new SupportingDocument(null, labels, false, List.of());
    }

    /** True when the chat asks for it and the application carries it. */
    public boolean asked() {
        return key != null;
    }

    public boolean accepts(DocumentKind kind) {
        return kinds.contains(kind);
    }

    /**
     * From JSON: the upload shape {@code {key, labels, required, kinds}}, or the older bare {@code {en, te, hi}} of a
     * listed-only document (catalogs and issuers from before uploads).
     */
    @JsonCreator
    static SupportingDocument fromJson(@JsonProperty("key") String key, @JsonProperty("labels") Localized labels,
            @JsonProperty("required") Boolean required, @JsonProperty("kinds") List<DocumentKind> kinds,
            @JsonProperty("en") String en, @JsonProperty("te") String te, @JsonProperty("hi") String hi) {
        Localized names = Optional.ofNullable(labels).orElseGet(() -> new Localized(en, te, hi));
        return new SupportingDocument(key, names, Boolean.TRUE.equals(required), kinds);
    }
}
