package org.pramaan.service.limits;

import java.io.IOException;

/**
 * Thrown by a capped request's input stream once more than the limit was read. An {@link IOException},
 * so every reader of the body (Jackson, a form parser, a servlet) stops as on a broken connection;
 * {@link BodySizeLimitFilter} turns it into the 413 answer whatever the reader made of it.
 */
public final class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    BodyTooLargeException(long maxBytes) {
        super("the request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
