package org.pramaan.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Officers' API tokens: a password traded once for a token, the token accepted on the API without any password
 * hash, and every wrong token (expired, altered, for another audience, signed with another key) refused with a
 * 401 problem; the token door is throttled like every door that takes a password.
 */
class OfficerTokenTest extends IntegrationTest {

    private static final String PASSWORD = "Right0Password0For0The0Token0Test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OfficerTokens tokens;
    @Autowired
    TokenKeys keys;
    @Autowired
    TokenSettings settings;
    @Autowired
    Officers officers;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IssuerProperties properties;
    @Autowired
    Clock clock;
    @Autowired
    MeterRegistry meters;

    private String ownOfficer(String name) {
        if (!officers.exists(name)) {
            officers.create(new Officers.Officer(name, encoder.encode(PASSWORD), "Token test officer",
                    DepartmentCode.of("REV"), false), clock.instant());
        }
        return name;
    }

    private ApiClient.Answer askToken(ApiClient client) {
        return client.post("/api/v1/auth/token", Map.of());
    }

    @Test
    void anOfficerTradesTheirPasswordOnceForATokenTheApiAccepts() {
        ApiClient.Answer answer = askToken(officerPassword("REV"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        JsonNode body = answer.json();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        String token = body.get("access_token").asString();

        JsonNode claims = claims(token);
        assertThat(claims.get("sub").asString()).isEqualTo(devEnv().get("ISSUER_OFFICER_REV_USER"));
        assertThat(claims.get("kind").asString()).isEqualTo("OFFICER");
        assertThat(claims.get("departments").get(0).asString()).isEqualTo("REV");
        assertThat(claims.get("aud").toString()).contains("pramaan-issuer-api");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);

        ApiClient withToken = ApiClient.bearer(port, token);
        assertThat(withToken.get("/api/v1/applications/queue").status()).isEqualTo(200);
        // The token carries the officer's role and nothing more: the admin's addresses stay closed.
        ApiClient.Answer admin = withToken.get("/api/v1/admin/keys");
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().get("code").asString()).isEqualTo("forbidden");
    }

    @Test
    void requestsWithATokenOrAKeyCheckNoPasswordHash() {
        String token = askToken(officerPassword("REV")).json().get("access_token").asString();
        ApiClient withToken = ApiClient.bearer(port, token);
        ApiClient system = departmentSystem("REV");
        ApiClient bridge = bridge();
        double before = passwordChecks();
        for (int i = 0; i < 20; i++) {
            assertThat(withToken.get("/api/v1/applications/queue").status()).isEqualTo(200);
            assertThat(system.get("/api/v1/applications/queue").status()).isEqualTo(200);
            assertThat(bridge.get("/api/v1/applications?phoneNumber=919000000203").status()).isEqualTo(200);
        }
        assertThat(passwordChecks()).as("60 requests with a token, a key and the bridge's secret: no BCrypt")
                .isEqualTo(before);
    }

    @Test
    void anOfficersHttpBasicOnTheApiIsRefusedWithoutAPasswordCheck() {
        Map<String, String> env = devEnv();
        ApiClient basic = ApiClient.basic(port, env.get("ISSUER_OFFICER_REV_USER"), env.get("ISSUER_OFFICER_REV_PASSWORD"));
        ApiClient wrong = ApiClient.basic(port, env.get("ISSUER_OFFICER_REV_USER"), "not-the-password");
        ApiClient nobody = ApiClient.basic(port, "no-such-officer", "whatever");
        ApiClient admin = ApiClient.basic(port, env.get("ISSUER_ADMIN_USER"), env.get("ISSUER_ADMIN_PASSWORD"));
        double before = passwordChecks();
        for (ApiClient.Answer answer : new ApiClient.Answer[] {basic.get("/api/v1/applications/queue"),
                wrong.get("/api/v1/applications/queue"), nobody.get("/api/v1/applications/queue"),
                basic.post("/api/v1/applications/00000000-0000-0000-0000-000000000000/approve", Map.of()),
                admin.get("/api/v1/admin/keys")}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asString()).isEqualTo("unauthenticated");
            assertThat(answer.json().get("detail").asString())
                    .contains("officers take a token at POST /api/v1/auth/token and send it as a bearer token");
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(passwordChecks()).as("an officer's HTTP Basic on the API is refused before any BCrypt")
                .isEqualTo(before);
        // The same password at the token door is one BCrypt, and the token it buys opens the API.
        ApiClient.Answer token = askToken(basic);
        assertThat(token.status()).isEqualTo(200);
        assertThat(passwordChecks()).isEqualTo(before + 1);
        assertThat(ApiClient.bearer(port, token.json().get("access_token").asString())
                .get("/api/v1/applications/queue").status()).isEqualTo(200);
    }

    @Test
    void refusedBasicOnTheApiSpendsNoSignInBudget() {
        // Nothing is checked, so nothing is a guess: an old script sending an officer's Basic must not lock them out.
        String user = ownOfficer("token-basic-script-officer");
        for (int i = 0; i < 30; i++) {
            assertThat(ApiClient.basic(port, user, "guess" + i).get("/api/v1/applications/queue").status())
                    .isEqualTo(401);
        }
        assertThat(askToken(ApiClient.basic(port, user, PASSWORD)).status()).isEqualTo(200);
    }

    private double passwordChecks() {
        return meters.get("pramaan.password.checks").counter().count();
    }

    @Test
    void theAdminsTokenOpensTheAdminsAddresses() {
        String token = askToken(adminPassword()).json().get("access_token").asString();
        assertThat(claims(token).get("kind").asString()).isEqualTo("ADMIN");
        assertThat(ApiClient.bearer(port, token).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock anHourAgo = Clock.fixed(clock.instant().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new OfficerTokens(keys, settings, anHourAgo).issue(officerCaller()).value();
        assertRefusedToken(expired);
    }

    @Test
    void anAlteredTokenIsRefused() {
        String token = tokens.issue(officerCaller()).value();
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) claims(token);
        claims.put("kind", "ADMIN");
        String forged = parts[0] + "." + base64(JSON.writeValueAsString(claims)) + "." + parts[2];
        assertRefusedToken(forged);
        assertThat(ApiClient.bearer(port, forged).get("/api/v1/admin/keys").status()).isEqualTo(401);
        // and one with its signature cut off, or "alg":"none"
        assertRefusedToken(parts[0] + "." + parts[1] + ".");
        assertRefusedToken(base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    @Test
    void aTokenForAnotherAudienceOrFromAnotherIssuerOrKeyIsRefused() {
        TokenSettings verifierAudience = new TokenSettings(settings.lifetime(), "", settings.issuer(),
                "pramaan-verifier", settings.clockSkew());
        assertRefusedToken(new OfficerTokens(keys, verifierAudience, clock).issue(officerCaller()).value());
        TokenSettings otherIssuer = new TokenSettings(settings.lifetime(), "", "someone-else", settings.audience(),
                settings.clockSkew());
        assertRefusedToken(new OfficerTokens(keys, otherIssuer, clock).issue(officerCaller()).value());
        TokenSettings otherKey = new TokenSettings(settings.lifetime(),
                Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8)),
                settings.issuer(), settings.audience(), settings.clockSkew());
        assertRefusedToken(new OfficerTokens(new TokenKeys(otherKey, jdbc, clock, properties), otherKey, clock)
                .issue(officerCaller()).value());
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSignsTokensThisOneAccepts() {
        // A second issuer-service process with nothing configured: it reads the key the first one made.
        TokenSettings unconfigured = new TokenSettings(settings.lifetime(), "", settings.issuer(), settings.audience(),
                settings.clockSkew());
        TokenKeys secondInstanceKeys = new TokenKeys(unconfigured, jdbc, clock, properties);
        assertThat(secondInstanceKeys.key().getEncoded()).isEqualTo(keys.key().getEncoded());
        String token = new OfficerTokens(secondInstanceKeys, unconfigured, clock).issue(officerCaller()).value();
        assertThat(ApiClient.bearer(port, token).get("/api/v1/applications/queue").status()).isEqualTo(200);
    }

    @Test
    void machineClientsAndTokensCannotGetATokenAndNeitherCanAnonymousCallers() {
        ApiClient.Answer bridge = askToken(bridge());
        assertThat(bridge.status()).isEqualTo(403);
        assertThat(bridge.json().get("code").asString()).isEqualTo("forbidden");
        ApiClient.Answer system = askToken(departmentSystem("REV"));
        assertThat(system.status()).isEqualTo(403);
        assertThat(system.json().get("code").asString()).isEqualTo("forbidden");
        String token = tokens.issue(officerCaller()).value();
        ApiClient.Answer renew = askToken(ApiClient.bearer(port, token));
        assertThat(renew.status()).as("a token cannot renew itself: the password is asked again").isEqualTo(401);
        assertThat(renew.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(askToken(anonymous()).status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAtTheTokenDoorAreThrottledAndBadTokensSpendNothing() {
        String user = ownOfficer("token-brute-officer");
        String victim = ownOfficer("token-victim-officer");
        // Anyone may send junk tokens naming an officer: it must not lock that officer out.
        Caller victimCaller = new Caller(victim, Caller.Kind.OFFICER, java.util.Set.of(DepartmentCode.of("REV")), false);
        String[] parts = tokens.issue(victimCaller).value().split("\\.");
        for (int i = 0; i < 30; i++) {
            assertThat(ApiClient.bearer(port, parts[0] + "." + parts[1] + ".AAAA" + i).get("/api/v1/applications/queue")
                    .status()).isEqualTo(401);
        }
        assertThat(askToken(ApiClient.basic(port, victim, PASSWORD)).status()).isEqualTo(200);

        ApiClient.Answer last = null;
        for (int i = 0; i < 30; i++) {
            last = askToken(ApiClient.basic(port, user, "guess" + i));
            assertThat(last.status()).isIn(401, 429);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("code").asString()).isEqualTo("too-many-sign-ins");
        assertThat(last.header("Retry-After")).isNotBlank();
        assertThat(askToken(ApiClient.basic(port, user, PASSWORD)).status())
                .as("the right password is refused too until the window passes").isEqualTo(429);
    }

    private Caller officerCaller() {
        return new Caller(devEnv().get("ISSUER_OFFICER_REV_USER"), Caller.Kind.OFFICER,
                java.util.Set.of(DepartmentCode.of("REV")), false);
    }

    private void assertRefusedToken(String token) {
        ApiClient.Answer answer = ApiClient.bearer(port, token).get("/api/v1/applications/queue");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
