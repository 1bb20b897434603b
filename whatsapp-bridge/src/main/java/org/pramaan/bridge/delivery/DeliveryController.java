package org.pramaan.bridge.delivery;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** issuer-service tells the bridge about issued, revoked and rejected certificates (bearer BRIDGE_TOKEN). */
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
            return ResponseEntity.badRequest().body(Map.of("errors", problems));
        }
        boolean fresh = deliveries.accept(request);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("deliveryId", request.key(), "duplicate", !fresh));
    }
}
