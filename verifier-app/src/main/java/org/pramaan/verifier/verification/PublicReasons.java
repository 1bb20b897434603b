package org.pramaan.verifier.verification;

import java.util.regex.Pattern;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.MalformedCredentialException;

/**
 * The {@code reason} a person reads, never the implementation's: the credential library words a
 * malformed text with its decoders' messages (a Guava exception class once reached a bank's screen),
 * so malformed texts are described here by what is wrong and what to do, and any other reason is
 * stripped of class names as a last guard.
 */
public final class PublicReasons {

    static final String NOT_A_CREDENTIAL = "the QR text is not a Pramaan credential: ";
    /** Fully qualified Java names ({@code com.google...DecodingException}) and bare {@code ...Exception} words. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Za-z_$][A-Za-z0-9_$.]*|\\b[A-Za-z0-9_$.]*(?:Exception|Error)\\b:?\\s*");

    private PublicReasons() {
    }

    /** The reason for a check's outcome, in words a person can act on. */
    static String of(CredentialCheck check) {
        return check.malformedReason().map(PublicReasons::malformed).orElseGet(() -> scrub(check.reason()));
    }

    static String malformed(MalformedCredentialException.Reason reason) {
        return NOT_A_CREDENTIAL + switch (reason) {
            case EMPTY -> "it is empty; scan the QR code on the certificate";
            case TOO_LARGE -> "it is longer than any Pramaan QR code; scan the QR code on the certificate";
            case NOT_BASE32 -> "it holds characters a Pramaan code never has (after /C/ only the letters A-Z and the "
                    + "digits 2-7); scan the code again or copy the whole address";
            case BAD_ZLIB -> "its contents are damaged or cut short; scan the code again or copy the whole address";
            case NOT_COSE_SIGN1, WRONG_ALGORITHM -> "it does not carry a Pramaan signature";
            case MISSING_CLAIM, INVALID_CLAIM -> "it lacks details every Pramaan certificate has";
        };
    }

    /** Removes Java class names and exception words from a text meant for the public. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        return INTERNALS.matcher(text).replaceAll("").strip();
    }
}
