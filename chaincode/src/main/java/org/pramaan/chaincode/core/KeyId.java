package org.pramaan.chaincode.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A signer key id: 16 lower-case hex characters, the first 8 bytes of SHA-256 over the signer
 * certificate's DER. Lower case only, so that one key has exactly one spelling in state keys.
 */
public record KeyId(@JsonValue String value) implements Comparable<KeyId> {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public KeyId {
        Checks.present(value, "kid");
        if (!FORMAT.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("kid must be 16 lower-case hex characters: '" + value + "'");
        }
    }

    public static KeyId of(String value) {
        return new KeyId(value);
    }

    @Override
    public int compareTo(KeyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
