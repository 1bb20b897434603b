package org.pramaan.issuer.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.pramaan.issuer.security.OfficerTokens;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Officers trade their password for a short-lived API token, once: {@code POST /api/v1/auth/token} with HTTP
 * Basic (through the sign-in throttle, like every password), then {@code Authorization: Bearer <token>} on every
 * call until it expires. The answer has the shape of an OAuth 2.0 token response (RFC 6749, 5.1).
 */
@RestController
public class TokenController {

    /** RFC 6749 5.1: {@code access_token}, {@code token_type} ({@code Bearer}), {@code expires_in} seconds. */
    public record TokenResponse(@JsonProperty("access_token") String accessToken,
                                @JsonProperty("token_type") String tokenType,
                                @JsonProperty("expires_in") long expiresIn) {
    }

    private final OfficerTokens tokens;
    private final Clock clock;

    public TokenController(OfficerTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** 200 with a token for the officer or admin signed in with HTTP Basic; a machine client is refused (403). */
    @PostMapping("/api/v1/auth/token")
    public ResponseEntity<TokenResponse> token() {
        Caller caller = CurrentCaller.get();
        OfficerTokens.Issued issued = tokens.issue(caller);
        long seconds = Math.max(0, Duration.between(clock.instant(), issued.expiresAt()).toSeconds());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(new TokenResponse(issued.value(), "Bearer", seconds));
    }
}
