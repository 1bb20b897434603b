package org.pramaan.bridge.delivery;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * issuer-service tells the bridge about issued, revoked and rejected certificates (bearer BRIDGE_TOKEN). A notice
 * that fails its checks is a 400 {@code invalid-argument} problem whose {@code errors} member lists what is wrong.
 */
@RestController
public class DeliveryController {

    private final Deliveries deliveries;

    public DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @PostMapping("/internal/v1/deliveries")
    public ResponseEntity<Map<String, Object>> deliver(@RequestBody DeliveryRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidDeliveryException(problems);
        }
        boolean fresh = deliveries.accept(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("deliveryId", request.key(), "duplicate", !fresh));
    }

    /** A delivery notice that fails its checks; nothing was accepted. */
    static final class InvalidDeliveryException extends RefusalException {

        private static final long serialVersionUID = 1L;

        InvalidDeliveryException(List<String> problems) {
            super(ProblemCode.INVALID_ARGUMENT, "the delivery notice is not valid: " + String.join("; ", problems),
                    Map.of("errors", List.copyOf(problems)), null, null);
        }
    }
}
