package org.pramaan.catalog.validation;

import java.util.Objects;

/**
 * The outcome of checking one value: the normalised value to store, or the refusal with the limit it broke (the
 * minimum, the maximum length...) for the message; or neither, when an optional field was left empty.
 */
public record FieldVerdict(String value, FieldRefusal refusal, String limit) {

    static FieldVerdict accepted(String value) {
        return new FieldVerdict(Objects.requireNonNull(value), null, null);
    }

    static FieldVerdict absent() {
        return new FieldVerdict(null, null, null);
    }

    static FieldVerdict refused(FieldRefusal refusal) {
        return new FieldVerdict(null, refusal, null);
    }

    static FieldVerdict refused(FieldRefusal refusal, Object limit) {
        return new FieldVerdict(null, refusal, String.valueOf(limit));
    }

    public boolean valid() {
        return refusal == null;
    }

    /** Valid with nothing to store: an optional field left empty. */
    public boolean empty() {
        return valid() && value == null;
    }
}
