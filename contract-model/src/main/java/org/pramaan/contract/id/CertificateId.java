package org.pramaan.contract.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.SecureRandom;
import java.time.Year;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;

/**
 * A certificate's identifier, e.g. {@code REV-INC-2026-7K3M9QX2HD4TZP8W-0}: issuing department,
 * certificate type, year of issue, 80 random bits in Crockford Base32, and a check character.
 *
 * <p>The random part makes ids impossible to enumerate: a verifier must not be a directory of every
 * certificate a department issued. The check character (ISO/IEC 7064 MOD 37,36) catches every single
 * mistyped character, and all but about one in a thousand swaps of two neighbours, before any lookup
 * is made; unlike MOD 37-2 it needs no thirty-seventh symbol, so ids stay letters and digits.
 *
 * <p>Two ways in from text: {@link #of(String)} (and JSON) accept only the canonical upper-case form,
 * so that one certificate has exactly one state key on the ledger, and the contract checks ids
 * itself rather than trusting the issuer-service; {@link #parse(String)} is for people, and takes
 * any letter case and surrounding spaces. Every refusal is a
 * {@link org.pramaan.contract.core.ContractViolation} ({@code INVALID_ARGUMENT}).
 */
public record CertificateId(DepartmentCode department, String type, int year, String random, char check) {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_CHARS = 16; // 16 x 5 bits = 80 bits
    private static final Pattern TYPE = Pattern.compile("[A-Z]{2,6}");
    private static final Pattern RANDOM = Pattern.compile("[" + CROCKFORD + "]{" + RANDOM_CHARS + "}");
    private static final Pattern FORMAT =
            Pattern.compile("([A-Z][A-Z0-9]{1,7})-([A-Z]{2,6})-(\\d{4})-([0-9A-Z]{" + RANDOM_CHARS + "})-([0-9A-Z])");
    /** The one spelling the ledger accepts: upper case, Crockford Base32 random part, nothing around it. */
    private static final Pattern CANONICAL = Pattern.compile(
            "([A-Z][A-Z0-9]{1,7})-([A-Z]{2,6})-([0-9]{4})-([0-9A-HJKMNP-TV-Z]{" + RANDOM_CHARS + "})-([0-9A-Z])");
    private static final SecureRandom RNG = new SecureRandom();
    /** Bytes of {@link #compact()}: a two-byte year and 80 random bits. */
    public static final int COMPACT_LENGTH = 2 + RANDOM_CHARS * 5 / 8;

    public CertificateId {
        Checks.present(department, "department");
        Checks.present(type, "type");
        Checks.present(random, "random");
        if (!TYPE.matcher(type).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate type must be 2 to 6 upper-case letters: '" + type + "'");
        }
        if (year < 2000 || year > 9999) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate id year out of range (2000 to 9999): " + year);
        }
        if (!RANDOM.matcher(random).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "random part must be " + RANDOM_CHARS + " Crockford Base32 characters: '" + random + "'");
        }
        char expected = checkCharacter(body(department, type, year, random));
        if (check != expected) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "check character '" + check + "' does not match; the id is mistyped");
        }
    }

    /**
     * The id in its canonical form, as the ledger stores it and JSON carries it: upper case only,
     * nothing around it. A wrong check character is refused before anything else looks the id up.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CertificateId of(String value) {
        Checks.present(value, "id");
        Matcher m = CANONICAL.matcher(value);
        if (!m.matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("not a certificate id (DEPT-TYPE-YYYY-16 Crockford Base32"
                    + " characters-check character, upper case): '" + value + "'");
        }
        char check = m.group(5).charAt(0);
        if (check != checkCharacter(m.group(1) + m.group(2) + m.group(3) + m.group(4))) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate id '" + value + "' has a wrong check character");
        }
        return new CertificateId(new DepartmentCode(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                m.group(4), check);
    }

    /** A fresh id with 80 bits from a {@link SecureRandom}. */
    public static CertificateId generate(DepartmentCode department, String type, Year year) {
        StringBuilder random = new StringBuilder(RANDOM_CHARS);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            random.append(CROCKFORD.charAt(RNG.nextInt(CROCKFORD.length())));
        }
        String r = random.toString();
        return new CertificateId(department, type, year.getValue(), r,
                checkCharacter(body(department, type, year.getValue(), r)));
    }

    /** Parses an id as printed, in any letter case and with surrounding spaces. */
    public static CertificateId parse(String text) {
        Checks.present(text, "id");
        String normalised = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(normalised);
        if (!m.matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "not a certificate id (expected DEPT-TYPE-YEAR-16 characters-check, e.g. REV-INC-2026-7K3M9QX2HD4TZP8W-0): '"
                            + text + "'");
        }
        return new CertificateId(new DepartmentCode(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                m.group(4), m.group(5).charAt(0));
    }

    /** True when {@code text} parses; for validating input without exceptions as control flow. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The compact binary form carried as the CWT {@code cti}: two bytes of year and the ten random
     * bytes. Department and type travel in {@code iss} and the certificate body, and the check
     * character is recomputed, so nothing is sent twice in a QR code that has no room to spare.
     */
    public byte[] compact() {
        byte[] bytes = new byte[COMPACT_LENGTH];
        bytes[0] = (byte) (year >> 8);
        bytes[1] = (byte) year;
        java.math.BigInteger value = java.math.BigInteger.ZERO;
        for (int i = 0; i < RANDOM_CHARS; i++) {
            value = value.shiftLeft(5).or(java.math.BigInteger.valueOf(CROCKFORD.indexOf(random.charAt(i))));
        }
        byte[] randomBytes = value.toByteArray();
        int copy = Math.min(randomBytes.length, RANDOM_CHARS * 5 / 8);
        System.arraycopy(randomBytes, randomBytes.length - copy, bytes, COMPACT_LENGTH - copy, copy);
        return bytes;
    }

    /** The id whose {@link #compact()} form is {@code bytes}, for a department and type. */
    public static CertificateId fromCompact(DepartmentCode department, String type, byte[] bytes) {
        Checks.present(bytes, "cti");
        if (bytes.length != COMPACT_LENGTH) {
            throw ErrorCode.INVALID_ARGUMENT.exception("a compact certificate id is " + COMPACT_LENGTH + " bytes, got " + bytes.length);
        }
        int year = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
        java.math.BigInteger value = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(bytes, 2, COMPACT_LENGTH));
        char[] chars = new char[RANDOM_CHARS];
        for (int i = RANDOM_CHARS - 1; i >= 0; i--) {
            chars[i] = CROCKFORD.charAt(value.intValue() & 31);
            value = value.shiftRight(5);
        }
        String r = new String(chars);
        return new CertificateId(department, type, year, r, checkCharacter(body(department, type, year, r)));
    }

    private static String body(DepartmentCode department, String type, int year, String random) {
        return department.value() + type + year + random;
    }

    /** ISO/IEC 7064 MOD 37,36 (hybrid system) over 0-9 and A-Z. */
    static char checkCharacter(String body) {
        final int m = 36;
        int p = m;
        for (int i = 0; i < body.length(); i++) {
            int s = (p + Character.digit(body.charAt(i), m)) % m;
            if (s == 0) {
                s = m;
            }
            p = (2 * s) % (m + 1);
        }
        int value = (m + 1 - p) % m;
        return Character.toUpperCase(Character.forDigit(value, m));
    }

    /** The canonical text, e.g. {@code REV-INC-2026-7K3M9QX2HD4TZP8W-0}: the JSON form and the ledger's key. */
    public String value() {
        return toString();
    }

    @JsonValue
    @Override
    public String toString() {
        return department.value() + "-" + type + "-" + year + "-" + random + "-" + check;
    }
}
