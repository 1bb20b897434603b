package org.pramaan.verifier.receipt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the receipt key as a JWK Set, so anyone can check a receipt. */
@RestController
@Tag(name = "Receipts")
public class ReceiptKeyController {

    private final ReceiptKey key;

    public ReceiptKeyController(ReceiptKey key) {
        this.key = key;
    }

    @GetMapping({"/api/v1/receipts/keys", "/.well-known/jwks.json"})
    @Operation(summary = "The public key(s) that sign verification receipts (JWK Set)")
    public Map<String, List<Map<String, String>>> keys() {
        return Map.of("keys", List.of(key.jwk()));
    }
}
