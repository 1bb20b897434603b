package org.pramaan.verifier.image;

/** The upload is not a PNG, JPEG or PDF we can open: a client error (400), never a server error. */
public final class UnreadableUploadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnreadableUploadException(String message) {
        super(message);
    }

    public UnreadableUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
