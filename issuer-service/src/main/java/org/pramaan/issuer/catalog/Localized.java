package org.pramaan.issuer.catalog;

import java.util.Objects;
import org.pramaan.credential.Language;

/** A text in the three languages of the citizen service. */
public record Localized(String en, String te, String hi) {

    public Localized {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(te, "te");
        Objects.requireNonNull(hi, "hi");
    }

    public String in(Language language) {
        return switch (language) {
            case EN -> en;
            case TE -> te;
            case HI -> hi;
        };
    }
}
