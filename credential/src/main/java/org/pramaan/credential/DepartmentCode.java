package org.pramaan.credential;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short code of an issuing department, e.g. {@code REV} (Revenue). It is the CWT {@code iss},
 * the first part of every {@link CertificateId}, and the key of the department on the ledger.
 */
public record DepartmentCode(String value) implements Comparable<DepartmentCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

    public DepartmentCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "department code must be 2 to 8 upper-case letters or digits, starting with a letter: '"
                            + value + "'");
        }
    }

    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    @Override
    public int compareTo(DepartmentCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
