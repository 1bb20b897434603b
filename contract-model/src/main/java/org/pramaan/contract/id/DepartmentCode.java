package org.pramaan.contract.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;

/**
 * The short code of an issuing department, e.g. {@code REV} (Revenue): 2 to 8 upper-case letters or
 * digits, starting with a letter. It is the CWT {@code iss}, the first part of every
 * {@link CertificateId}, and the key of the department on the ledger. The one definition for the
 * credential library, the contract and the services; a bad or missing code is a
 * {@link org.pramaan.contract.core.ContractViolation} ({@code INVALID_ARGUMENT}).
 */
public record DepartmentCode(@JsonValue String value) implements Comparable<DepartmentCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{1,7}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DepartmentCode {
        Checks.present(value, "department");
        if (!FORMAT.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "department code must be 2 to 8 upper-case letters or digits starting with a letter: '"
                            + value + "'");
        }
    }

    public static DepartmentCode of(String value) {
        return new DepartmentCode(value);
    }

    /** Whether {@code value} is a well-formed code; for identity attributes, where bad means denial. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
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
