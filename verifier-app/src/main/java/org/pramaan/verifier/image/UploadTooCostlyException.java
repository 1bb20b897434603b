package org.pramaan.verifier.image;

/**
 * The upload is well formed but asks for more work than one upload may cost (too many pixels, a page
 * too large, longer than the deadline): 422, and sending it again will not help.
 */
public final class UploadTooCostlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    UploadTooCostlyException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A short stable name for metrics: {@code pixels}, {@code page_size}, {@code deadline}. */
    public String reason() {
        return reason;
    }
}
