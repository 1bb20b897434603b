package org.pramaan.issuer.application;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;

/**
 * An application's short reference, one a person can read out over the phone: the department, eight random
 * Crockford base-32 characters in two groups and a check character, e.g. {@code REV-7K3Q-92XM-P}.
 *
 * <p>The check character is the Damm algorithm's over a totally anti-symmetric quasigroup of order 32
 * ({@code x∘y = 2x + y} in GF(32), polynomial x⁵+x²+1), so it is itself a base-32 character and catches every
 * single wrong character and every two neighbours swapped (the check character included). Crockford's own
 * check symbol (mod 37) would need five extra symbols (*~$=U) nobody can read out; ISO 7064's hybrid MOD 33,32
 * does not promise every transposition. No library offers Damm over 32 symbols, hence the few lines here.
 *
 * <p>Reading is forgiving as Crockford intends: any case, spaces or hyphens between groups, I and L read as 1,
 * O as 0.
 */
public record ApplicationReference(String value) {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RANDOM_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApplicationReference {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[A-Z][A-Z0-9]{1,7}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]")) {
            throw new IllegalArgumentException("not an application reference: " + value);
        }
        if (!valid(value.substring(value.indexOf('-') + 1).replace("-", ""))) {
            throw new IllegalArgumentException("application reference " + value
                    + " has a wrong character or two swapped: its check character does not match");
        }
    }

    /** A new random reference for the department. */
    public static ApplicationReference random(DepartmentCode department) {
        StringBuilder body = new StringBuilder(RANDOM_LENGTH + 1);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body.append(ALPHABET.charAt(RANDOM.nextInt(32)));
        }
        return of(department.value(), body.toString());
    }

    /** The reference of a department and eight base-32 characters, with its check character. */
    static ApplicationReference of(String department, String body) {
        body.chars().forEach(c -> value(c));
        return new ApplicationReference(department + "-" + body.substring(0, 4) + "-" + body.substring(4)
                + "-" + ALPHABET.charAt(damm(body)));
    }

    /**
     * The reference a person typed, normalised; empty when the text is not shaped like one. A text shaped like one
     * whose check character does not match throws, so the caller can say so rather than "not found".
     */
    public static Optional<ApplicationReference> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        int cut = firstSeparator(t);
        if (cut < 2 || cut > 8 || !t.substring(0, cut).matches("[A-Z][A-Z0-9]+")) {
            return Optional.empty();
        }
        String body = t.substring(cut).replaceAll("[\\s-]", "").replace('I', '1').replace('L', '1').replace('O', '0');
        if (!body.matches("[0-9A-HJKMNP-TV-Z]{" + (RANDOM_LENGTH + 1) + "}")) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationReference(t.substring(0, cut) + "-" + body.substring(0, 4) + "-"
                + body.substring(4, 8) + "-" + body.charAt(8)));
    }

    private static int firstSeparator(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether body's last character is the check character of the others. */
    static boolean valid(String bodyWithCheck) {
        int interim = 0;
        for (int i = 0; i < bodyWithCheck.length(); i++) {
            interim = times2(interim) ^ value(bodyWithCheck.charAt(i));
        }
        return interim == 0;
    }

    private static int damm(String body) {
        int interim = 0;
        for (int i = 0; i < body.length(); i++) {
            interim = times2(interim) ^ value(body.charAt(i));
        }
        // times2(interim) ^ check == 0
        return times2(interim);
    }

    /** Multiplication by x in GF(2⁵) modulo x⁵ + x² + 1. */
    private static int times2(int v) {
        int r = v << 1;
        return (r & 0x20) != 0 ? (r ^ 0x25) : r;
    }

    private static int value(int c) {
        int v = ALPHABET.indexOf(c);
        if (v < 0) {
            throw new IllegalArgumentException("not a Crockford base-32 character: " + (char) c);
        }
        return v;
    }

    @Override
    public String toString() {
        return value;
    }
}
