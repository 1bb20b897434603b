package org.pramaan.verifier.image;

import java.time.Duration;

/**
 * The deadline of one upload's decoding, checked between steps (each QR reading rung, each PDF
 * drawing operator, image decoding progress): the work stops within one step of the deadline instead
 * of running on after the caller has been answered.
 */
public final class DecodeBudget {

    private final long deadlineNanos;
    private final Duration limit;

    private DecodeBudget(Duration limit) {
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
    }

    public static DecodeBudget of(Duration limit) {
        return new DecodeBudget(limit);
    }

    /** For offline use (tests, tools): effectively no deadline. */
    public static DecodeBudget unlimited() {
        return new DecodeBudget(Duration.ofDays(365));
    }

    public boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /** Stops the work once the deadline has passed. */
    public void check() {
        if (expired()) {
            throw new UploadTooCostlyException("deadline", "reading the file took too long (more than "
                    + limit.toSeconds() + " s); send a sharper, smaller photo of the QR code, or the certificate PDF");
        }
    }
}
