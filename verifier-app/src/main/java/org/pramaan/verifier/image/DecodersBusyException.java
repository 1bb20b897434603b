package org.pramaan.verifier.image;

/** Every decode slot is taken: 503 with Retry-After, the request was not worked on. */
public final class DecodersBusyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    DecodersBusyException(long retryAfterSeconds) {
        super("the verifier is reading other uploads; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
