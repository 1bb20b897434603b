package org.pramaan.bridge.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller with a bug, in the tests' context only: an unexpected {@link IllegalStateException} escaping a
 * controller must answer 500 {@code internal-error}, never a polite 409, and say nothing of its message.
 */
@RestController
public class FaultyController {

    /** What the bug's message holds: a phone number must never reach the answer. */
    public static final String SECRET = "919812345678";

    @GetMapping("/internal/v1/test-faults/illegal-state")
    String illegalState() {
        throw new IllegalStateException("a bug whose message names " + SECRET);
    }
}
