package org.pramaan.catalog.reason;

import java.util.Locale;

/**
 * Why an application was refused, from a closed list the citizen's chat words in their language; the
 * officer's own note, when there is one, travels beside the code.
 */
public enum RejectionCode {
    DOCUMENTS_MISSING,
    DETAILS_INCORRECT,
    NOT_ELIGIBLE,
    DUPLICATE_APPLICATION,
    WRONG_OFFICE,
    OTHER;

    /** The code named by {@code text} (any case); {@link IllegalArgumentException} for anything else. */
    public static RejectionCode parse(String text) {
        if (text != null) {
            for (RejectionCode code : values()) {
                if (code.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                    return code;
                }
            }
        }
        throw new IllegalArgumentException("rejection reason code must be one of "
                + java.util.Arrays.toString(values()));
    }
}
