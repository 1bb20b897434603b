package org.pramaan.catalog.validation;

import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;

/**
 * The Verhoeff check digit (dihedral group D5), which UIDAI uses as the last digit of an Aadhaar
 * number: it catches every single-digit error and every swap of adjacent digits. Commons Validator
 * does the arithmetic; this class only gives it the project's vocabulary.
 */
public final class Verhoeff {

    private Verhoeff() {
    }

    /** Whether {@code digits} (check digit last) passes the check. */
    public static boolean isValid(String digits) {
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                && VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(digits);
    }

    /** The digit to append to {@code digits} so that the whole passes. */
    public static int checkDigit(String digits) {
        try {
            return Integer.parseInt(VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.calculate(digits));
        } catch (CheckDigitException e) {
            throw new IllegalArgumentException("not a string of digits: '" + digits + "'", e);
        }
    }
}
