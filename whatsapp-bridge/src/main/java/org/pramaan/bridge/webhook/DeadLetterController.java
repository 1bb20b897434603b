package org.pramaan.bridge.webhook;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' view of set-aside webhook items, newest first. Under {@code /internal/**}: the same bearer
 * token as the delivery endpoint (the bridge has no other sign-in), never public, since items hold personal data.
 */
@RestController
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/internal/v1/dead-letters")
    public Map<String, List<DeadLetters.DeadLetter>> newest(@RequestParam(defaultValue = "50") int limit) {
        return Map.of("deadLetters", deadLetters.newest(limit));
    }
}
