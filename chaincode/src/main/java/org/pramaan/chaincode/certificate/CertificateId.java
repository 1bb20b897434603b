package org.pramaan.chaincode.certificate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pramaan.chaincode.core.Checks;
import org.pramaan.chaincode.core.DepartmentCode;
import org.pramaan.chaincode.core.ErrorCode;

/**
 * A certificate id, {@code DEPT-TYPE-YYYY-RANDOM16-C}, e.g. {@code REV-INC-2026-7K3M9QX2HD4TZP8W-Q}.
 *
 * <p>The contract checks ids itself rather than trusting the issuer-service's library: the ledger
 * is the last line, and an id with a wrong check character would be anchored forever. Only the
 * canonical upper-case form is accepted, so that one certificate has exactly one state key.
 */
public record CertificateId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "([A-Z][A-Z0-9]{1,7})-([A-Z]{2,6})-([0-9]{4})-([0-9A-HJKMNP-TV-Z]{16})-([0-9A-Z])");
    private static final int MODULUS = 36;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CertificateId {
        Checks.present(value, "id");
        Matcher m = FORMAT.matcher(value);
        if (!m.matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("not a certificate id (DEPT-TYPE-YYYY-16 Crockford Base32"
                    + " characters-check character, upper case): '" + value + "'");
        }
        char expected = checkCharacter(m.group(1) + m.group(2) + m.group(3) + m.group(4));
        if (m.group(5).charAt(0) != expected) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate id '" + value + "' has a wrong check character");
        }
    }

    public static CertificateId of(String value) {
        return new CertificateId(value);
    }

    public DepartmentCode department() {
        return DepartmentCode.of(value.substring(0, value.indexOf('-')));
    }

    /** The certificate type segment, e.g. {@code INC}. */
    public String type() {
        int start = value.indexOf('-') + 1;
        return value.substring(start, value.indexOf('-', start));
    }

    /**
     * ISO/IEC 7064 MOD 37,36 (hybrid system) over 0-9 and A-Z valued 0 to 35: catches every single
     * wrong character and most swaps, before any ledger lookup is wasted on a typo.
     */
    static char checkCharacter(String body) {
        int p = MODULUS;
        for (int i = 0; i < body.length(); i++) {
            int s = (p + value(body.charAt(i))) % MODULUS;
            if (s == 0) {
                s = MODULUS;
            }
            p = (2 * s) % (MODULUS + 1);
        }
        int check = (MODULUS + 1 - p) % MODULUS;
        return check < 10 ? (char) ('0' + check) : (char) ('A' + check - 10);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("not 0-9 or A-Z: '" + c + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
