package org.pramaan.bridge.journey;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An officer calling issuer-service's API as officers' tools do: the password traded at the token door
 * ({@code POST /api/v1/auth/token}) for a bearer token, which every call then sends; the API refuses an officer's
 * HTTP Basic. The first token is taken at once (while the issuer is known to be up); a new one a minute before it
 * expires, so a drill longer than the token's lifetime keeps working.
 */
final class OfficerSignIn {

    private final String tokenUrl;
    private final String user;
    private final String password;
    private String authorization;
    private Instant renewAt;

    OfficerSignIn(String issuerBaseUrl, String user, String password) {
        this.tokenUrl = issuerBaseUrl + "/api/v1/auth/token";
        this.user = user;
        this.password = password;
        take();
    }

    /** The {@code Authorization} header value: {@code Bearer <access_token>}. */
    synchronized String authorization() {
        if (Instant.now().isAfter(renewAt)) {
            take();
        }
        return authorization;
    }

    private void take() {
        JsonNode token = JsonHttp.post(tokenUrl, "", 200, "Authorization", JsonHttp.basic(user, password));
        if (!"Bearer".equals(token.path("token_type").asString())) {
            throw new AssertionError("the token door answered no bearer token: " + token);
        }
        authorization = "Bearer " + token.path("access_token").asString();
        renewAt = Instant.now().plusSeconds(Math.max(0, token.path("expires_in").asLong() - 60));
    }
}
