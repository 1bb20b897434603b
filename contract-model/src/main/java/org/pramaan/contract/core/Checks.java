package org.pramaan.contract.core;

/** Input checks shared by the value types; each failure is an {@link ErrorCode#INVALID_ARGUMENT}. */
public final class Checks {

    private Checks() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw ErrorCode.INVALID_ARGUMENT.exception("field '" + field + "' is missing");
        }
        return value;
    }

    /**
     * One of a closed list of codes, by its exact name. The ledger takes codes where a person might
     * have written prose: prose can name someone, and what the ledger holds is copied to every peer
     * and never forgotten.
     */
    public static <E extends Enum<E>> E code(Class<E> type, String value, String field) {
        present(value, field);
        for (E code : type.getEnumConstants()) {
            if (code.name().equals(value)) {
                return code;
            }
        }
        throw ErrorCode.INVALID_ARGUMENT.exception(field + " must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()) + ": '" + value + "'");
    }

    /**
     * Human text (names, reasons): present, not blank, at most {@code maxLength} characters and no
     * control characters. Zero-width joiners stay allowed: Telugu and Hindi spelling needs them.
     */
    public static String text(String value, String field, int maxLength) {
        present(value, field);
        if (value.isBlank()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("field '" + field + "' is blank");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "field '" + field + "' has " + length + " characters, at most " + maxLength + " allowed");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw ErrorCode.INVALID_ARGUMENT.exception("field '" + field + "' contains a control character");
        }
        return value;
    }
}
