package org.pramaan.service.problem;

import java.util.function.Supplier;

/**
 * Reads one value a caller sent through the value type that validates it ({@code DepartmentCode.of},
 * {@code PhoneNumber.parse}): the type's {@link IllegalArgumentException} becomes a 400 {@code invalid-argument}
 * refusal here, at the edge where the value came in, and only here. Deeper down the same exception is a bug.
 */
public final class Input {

    private Input() {
    }

    /** The parsed value, or a refusal naming {@code what} and the type's reason. */
    public static <T> T parse(String what, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "'" + what + "' is not valid: " + e.getMessage());
        }
    }
}
