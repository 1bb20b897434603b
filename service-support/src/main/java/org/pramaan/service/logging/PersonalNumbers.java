package org.pramaan.service.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal numbers a log line may carry: Indian mobile numbers (10 digits from 6-9, with or without
 * 91 / +91 / 0 before them, spaces or hyphens inside) and 12-digit Aadhaar numbers (grouped or not). Only the
 * last four digits stay, as on UIDAI's masked Aadhaar, which is enough to tell two people apart in a log.
 *
 * <p>A number glued to letters, digits, '-' or '_' is left alone: that is an id (a UUID's last group, a wamid, a
 * certificate number), not a person's number.
 */
public final class PersonalNumbers {

    private static final String EDGE_BEFORE = "(?<![0-9A-Za-z_\\-])";
    private static final String EDGE_AFTER = "(?![0-9A-Za-z_\\-])";
    // Not after '+': "+919876543210" is a phone number with its country code, masked as one below.
    private static final Pattern AADHAAR = Pattern.compile(
            "(?<![0-9A-Za-z_\\-+])[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?([0-9]{4})" + EDGE_AFTER);
    private static final Pattern MOBILE = Pattern.compile(
            EDGE_BEFORE + "(\\+?91[ -]?|0)?[6-9][0-9]{4}[ -]?[0-9]([0-9]{4})" + EDGE_AFTER);

    private PersonalNumbers() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 10 || !hasTenDigits(text)) {
            return text;
        }
        String masked = replace(AADHAAR, text, 1, "XXXX XXXX ");
        return replace(MOBILE, masked, 2, "XXXXXX");
    }

    /** One phone number for a log line, masked (the call sites use it; the converter catches the rest). */
    public static String phone(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? "XXXX" : "XXXXXX" + digits.substring(digits.length() - 4);
    }

    private static String replace(Pattern pattern, String text, int keptGroup, String prefix) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + m.group(keptGroup)));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** A cheap pre-check: most log lines have no run of digits long enough to matter. */
    private static boolean hasTenDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return true;
                }
            } else if (c != ' ' && c != '-' && c != '+') {
                digits = 0;
            }
        }
        return false;
    }
}
