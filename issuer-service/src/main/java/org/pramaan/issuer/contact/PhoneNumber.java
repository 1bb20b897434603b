package org.pramaan.issuer.contact;

/**
 * A citizen's WhatsApp number in E.164 digits without '+', e.g. {@code 919876543210}. A bare
 * 10-digit Indian mobile number gets the country code 91.
 */
public record PhoneNumber(String digits) {

    public PhoneNumber {
        if (digits == null || !digits.matches("[1-9][0-9]{7,14}")) {
            throw new IllegalArgumentException("not a phone number in E.164 digits: " + mask(digits));
        }
    }

    public static PhoneNumber parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("phone number is missing");
        }
        String digits = text.replaceAll("[\\s()+-]", "");
        if (digits.matches("[6-9][0-9]{9}")) {
            digits = "91" + digits;
        }
        return new PhoneNumber(digits);
    }

    /** The number with all but the last four digits hidden, for logs. */
    public String masked() {
        return mask(digits);
    }

    /**
     * The number as an officer may see it: country code and the last three digits, e.g. {@code +91 ••••• ••210},
     * enough to confirm with the caller on the phone, not enough to call.
     */
    public String shownMasked() {
        String last = digits.substring(digits.length() - 3);
        if (digits.length() == 12 && digits.startsWith("91")) {
            return "+91 \u2022\u2022\u2022\u2022\u2022 \u2022\u2022" + last;
        }
        return "+" + "\u2022".repeat(digits.length() - 3) + last;
    }

    private static String mask(String digits) {
        if (digits == null || digits.length() < 4) {
            return "****";
        }
        return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
