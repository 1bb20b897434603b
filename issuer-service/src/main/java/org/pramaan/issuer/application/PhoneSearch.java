package org.pramaan.issuer.application;

import java.util.Optional;
import org.pramaan.issuer.contact.PhoneNumber;

/** Whether an officer's search text is a phone number, whole or its last digits, and which digits to look for. */
final class PhoneSearch {

    /** The fewest trailing digits searched for: fewer would match too many people. */
    static final int MIN_DIGITS = 4;

    private PhoneSearch() {
    }

    /**
     * The digits a stored number must end with: a whole number as stored (a bare 10-digit Indian mobile number
     * gains 91), or 4 to 9 last digits as typed; empty when the text is not digits (spaces, +, -, () allowed).
     */
    static Optional<String> digits(String text) {
        if (text == null || !text.strip().matches("[+0-9 ()-]+")) {
            return Optional.empty();
        }
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_DIGITS) {
            return Optional.empty();
        }
        if (digits.length() < 10) {
            return Optional.of(digits);
        }
        try {
            return Optional.of(PhoneNumber.parse(text).digits());
        } catch (IllegalArgumentException e) {
            // A trunk prefix ("0 98765 43210") or a number of another shape: its digits as typed, without leading 0s.
            String trimmed = digits.replaceFirst("^0+", "");
            return Optional.of(trimmed.matches("[6-9][0-9]{9}") ? "91" + trimmed : trimmed);
        }
    }
}
