package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.IntegrationTest;

/** The console door: sign-in required, CSRF on every form, throttled guessing, public docs and health. */
class ConsoleSecurityTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void consoleRedirectsAnonymousVisitorsToSignIn() throws Exception {
        HttpResponse<String> r = http.send(get("/console"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/console/login");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> r = http.send(form("/console/login", "username=rev-officer&password=x"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void aMachineClientCannotSignInToTheConsole() throws Exception {
        HttpResponse<String> page = http.send(get("/console/login"), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + BRIDGE_CLIENT_ID
                        + "&password=" + BRIDGE_CLIENT_SECRET + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/console/login?error");
    }

    @Test
    void repeatedSignInAttemptsAreThrottled() throws Exception {
        int status = 0;
        HttpResponse<String> r = null;
        for (int i = 0; i < 15 && status != 429; i++) {
            r = http.send(form("/console/login", "username=throttle-victim&password=guess" + i),
                    HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
        }
        assertThat(status).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).as("said in the console's three languages")
                .contains("Too many sign-in attempts", "చాలా ప్రయత్నాలు", "बहुत अधिक प्रयास");
    }

    @Test
    void openApiAndMetricsAreServed() throws Exception {
        HttpResponse<String> docs = http.send(get("/v3/api-docs"), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/applications", "/api/v1/certificates/{id}/revoke");
        assertThat(http.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("metrics are not public").isEqualTo(401);
        assertThat(officer("REV").get("/actuator/prometheus").status()).as("nor an officer's").isEqualTo(403);
        assertThat(admin().get("/actuator/prometheus").body()).contains("pramaan_anchoring_queue_depth");
        assertThat(adminPassword().get("/actuator/prometheus").body())
                .as("a scraper may send the admin's HTTP Basic: it cannot renew a token")
                .contains("pramaan_anchoring_queue_depth");
        org.pramaan.issuer.support.ApiClient.Answer info = admin().get("/actuator/info");
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(info.body()).as("the provider that signs certificates")
                .contains("\"crypto\"", org.pramaan.credential.CryptoProvider.active().provider().getName());
        assertThat(http.send(get("/actuator/info"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("info is for the admin").isEqualTo(401);
        HttpResponse<String> health = http.send(get("/actuator/health/readiness"), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("UP");
    }

    @Test
    void theConsoleSendsAPolicyAndASameSiteCookieAndHstsBehindAnHttpsProxy() throws Exception {
        HttpResponse<String> page = http.send(get("/console/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Set-Cookie").orElse("")).contains("JSESSIONID", "SameSite=Lax", "HttpOnly");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/console/login")).header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(proxied.headers().firstValue("Set-Cookie").orElse("")).contains("Secure");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(URLEncoder.encode("", StandardCharsets.UTF_8) + body))
                .build();
    }
}
