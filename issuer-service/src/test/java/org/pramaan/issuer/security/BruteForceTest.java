package org.pramaan.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The security review's guessing attacks, as sent: wrong passwords at speed over HTTP Basic (at the token door, the
 * only API address that checks an officer's password), wrong API keys,
 * and a console user name dressed up ({@code twd-officer%20}) to get a fresh bucket. Every account here is
 * the test's own, so throttling it leaves the other tests' sign-ins alone.
 */
class BruteForceTest extends IntegrationTest {

    private static final String PASSWORD = "Right0Password0For0The0Test";
    /** The one door where an officer's password is checked on the API side. */
    private static final String TOKEN = "/api/v1/auth/token";

    @Autowired
    Officers officers;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ApiClients clients;
    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String ownOfficer(String name) {
        if (!officers.exists(name)) {
            officers.create(new Officers.Officer(name, encoder.encode(PASSWORD), "Test officer",
                    DepartmentCode.of("REV"), false), clock.instant());
        }
        return name;
    }

    @Test
    void thirtyWrongBasicPasswordsAtTheTokenDoorThrottleTheAccountAndTheRightOneIsRefusedToo() {
        String user = ownOfficer("brute-basic-officer");
        int throttled = 0;
        for (int i = 0; i < 30; i++) {
            ApiClient.Answer a = ApiClient.basic(port, user, "guess" + i).post(TOKEN, java.util.Map.of());
            assertThat(a.status()).isIn(401, 429);
            if (a.status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).as("wrong guesses are answered 429 once the account's budget is spent").isPositive();
        ApiClient.Answer right = ApiClient.basic(port, user, PASSWORD).post(TOKEN, java.util.Map.of());
        assertThat(right.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(right.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
    }

    @Test
    void wrongApiKeysThrottleTheClient() {
        // A department system of its own: the shared context's rev-system key must stay usable for other tests.
        String id = "brute-system";
        String secret = "the-right-secret-of-the-brute-system";
        if (clients.find(id).isEmpty()) {
            clients.create(ApiClients.ApiClient.withSecret(id, secret, Caller.Kind.DEPARTMENT_SYSTEM,
                    java.util.Set.of(DepartmentCode.of("REV")), false), clock.instant());
        }
        assertThat(ApiClient.apiKey(port, id + "." + secret).get("/api/v1/applications/queue").status())
                .as("the right key signs in before the guesses").isNotIn(401, 429);
        ApiClient.Answer last = null;
        for (int i = 0; i < 30; i++) {
            last = ApiClient.apiKey(port, id + ".wrong-secret-" + i).get("/api/v1/applications/queue");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
        // the client's real key is refused too until the window passes (the same account, the same address)
        assertThat(ApiClient.apiKey(port, id + "." + secret).get("/api/v1/applications/queue").status()).isEqualTo(429);
    }

    @Test
    void aDressedUpUserNameCountsAgainstTheSameAccount() throws Exception {
        String user = ownOfficer("twd-officer");
        for (int i = 0; i < 15; i++) {
            signIn(user, "guess" + i);
        }
        // As they travel in the form body: a trailing space, upper case with a leading space, full-width letters,
        // and a percent sign encoded once more.
        for (String disguise : new String[] {"twd-officer%20", "+TWD-Officer",
                URLEncoder.encode("ｔｗｄ-officer", StandardCharsets.UTF_8), "twd-officer%2520"}) {
            HttpResponse<String> r = signIn(disguise, PASSWORD);
            assertThat(r.statusCode()).as(disguise).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).as(disguise).isPresent();
        }
        assertThat(signIn(user, PASSWORD).statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> signIn(String user, String password) throws Exception {
        HttpResponse<String> page = http.send(get("/console/login"), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        // The user name goes into the body exactly as given (already form-encoded by the caller).
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user
                        + "&password=" + password + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }
}
