package org.pramaan.issuer.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * One presentation of a secret: the account it names, normalised, and the address it came from.
 *
 * <p>The account is normalised before counting so that spellings of one name share one budget: an attacker
 * who sends {@code twd-officer%20}, {@code TWD-officer} or full-width letters must not get a fresh bucket.
 */
public record SignInAttempt(String account, String address) {

    private static final int MAX_ACCOUNT_LENGTH = 100;

    public SignInAttempt {
        account = normalise(account);
        address = address == null ? "" : address;
    }

    /** Percent-decoded (repeatedly, a few times), NFKC, without format characters, trimmed, lower case. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String name = raw.length() > 4 * MAX_ACCOUNT_LENGTH ? raw.substring(0, 4 * MAX_ACCOUNT_LENGTH) : raw;
        for (int i = 0; i < 3 && name.indexOf('%') >= 0; i++) {
            String decoded;
            try {
                decoded = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                break; // a lone '%': nothing more to decode
            }
            if (decoded.equals(name)) {
                break;
            }
            name = decoded;
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("[\\p{Cf}\\p{Cc}]", "")
                .strip()
                .toLowerCase(Locale.ROOT);
        return name.length() > MAX_ACCOUNT_LENGTH ? name.substring(0, MAX_ACCOUNT_LENGTH) : name;
    }
}
