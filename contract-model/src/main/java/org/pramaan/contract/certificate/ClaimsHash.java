package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;

/** SHA-256 of a certificate's signed claims, as 64 lower-case hex characters. */
public record ClaimsHash(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ClaimsHash {
        Checks.present(value, "claimsHash");
        if (!FORMAT.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "claimsHash must be 64 lower-case hex characters (SHA-256): '" + value + "'");
        }
    }

    public static ClaimsHash of(String value) {
        return new ClaimsHash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
