package org.pramaan.issuer.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller with bugs, in the tests' context only: an unexpected {@link IllegalStateException} or
 * {@link IllegalArgumentException} escaping a controller, as a slip in the service's own code would. The error
 * contract must answer them 500 {@code internal-error}, not a polite 409 or 400, and say nothing of their message.
 */
@RestController
public class FaultyController {

    /** What the bugs' messages hold: a phone number must never reach the answer. */
    public static final String SECRET = "9123456789";

    @GetMapping("/api/v1/test-faults/illegal-state")
    String illegalState() {
        throw new IllegalStateException("a bug whose message names " + SECRET);
    }

    @GetMapping("/api/v1/test-faults/illegal-argument")
    String illegalArgument() {
        throw new IllegalArgumentException("a bug whose message names " + SECRET);
    }
}
