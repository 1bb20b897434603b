package org.pramaan.issuer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import javax.sql.DataSource;
import org.pramaan.network.DevNetwork;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tamper drills against the real development peer: certificates issued and anchored through the
 * service, then changed behind its back in its own database (status, claims, key id, a row deleted,
 * a forged row) and on the ledger (an entry the issuer never made). The audit names each with its
 * kind and nothing else of these certificates; before the tampering it names none of them.
 */
class LedgerAuditDrillTest extends IntegrationTest {

    @Autowired
    LedgerAudit audit;

    @Autowired
    AuditSchedule schedule;

    @Autowired
    LedgerConnections connections;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    @Autowired
    AuditHealthIndicator health;

    @Autowired
    DataSource dataSource;

    @Test
    void eachTamperingIsNamedWithItsKindAndACleanInstallationWithNone() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(issue());
        }
        Answer revoked = officer("REV").post("/api/v1/certificates/" + ids.get(5) + "/revoke",
                Map.of("code", "ISSUED_IN_ERROR", "reason", "typed the wrong income"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        Ledger rev = connections.forDepartment(DepartmentCode.of("REV"));
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::settled)
                && rev.read(ids.get(5)).orElseThrow().status() == CertificateStatus.REVOKED);

        audit.runPass(true);
        assertThat(mismatchesOf(ids)).as("a clean installation: an honest revocation is no mismatch").isEmpty();

        String statusChanged = ids.get(0);
        jdbc.sql("UPDATE issuer.certificate SET status = 'REVOKED', revocation_code = 'FRAUD', revoked_at = now()"
                + " WHERE id = ?").param(statusChanged).update();
        String claimsChanged = ids.get(1);
        jdbc.sql("UPDATE issuer.certificate SET holder_name = 'Somebody Else' WHERE id = ?").param(claimsChanged).update();
        String keyChanged = ids.get(2);
        jdbc.sql("UPDATE issuer.certificate SET kid = '00112233445566ff' WHERE id = ?").param(keyChanged).update();
        String deleted = ids.get(3);
        jdbc.sql("DELETE FROM issuer.delivery_outbox WHERE certificate_id = ?").param(deleted).update();
        jdbc.sql("DELETE FROM issuer.certificate WHERE id = ?").param(deleted).update();
        String forged = CertificateId.generate(DepartmentCode.of("REV"), type(ids.get(4)), Year.now()).toString();
        jdbc.sql("INSERT INTO issuer.certificate (id, application_id, department, service_code, type, holder_name,"
                + " language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text, cose, pdf, pdf_key,"
                + " pdf_sha256, pdf_size, status, transaction_id, anchored_at) SELECT ?, NULL, department, service_code,"
                + " type, holder_name, language, phone_number, fields, issued_at, expires_at, claims_hash, kid, qr_text,"
                + " cose, pdf, pdf_key, pdf_sha256, pdf_size, 'ANCHORED',"
                + " 'forged', now() FROM issuer.certificate WHERE id = ?").params(forged, ids.get(4)).update();
        String unknownToIssuer = anchorBehindTheIssuersBack(rev, ids.get(4));

        LedgerAudit.Progress progress = schedule.runSlice();
        while (!progress.passCompleted()) {
            progress = schedule.runSlice();
        }

        List<String> all = new ArrayList<>(ids);
        all.add(forged);
        all.add(unknownToIssuer);
        assertThat(mismatchesOf(all)).containsExactlyInAnyOrder(
                "status_mismatch " + statusChanged,
                "hash_mismatch " + claimsChanged,
                "key_mismatch " + keyChanged,
                "missing_record " + deleted,
                "unknown_on_ledger " + forged,
                "missing_record " + unknownToIssuer);
        String printed = auditCommand();
        assertThat(printed).as("./pramaan audit's report").contains("status_mismatch " + statusChanged)
                .contains("hash_mismatch " + claimsChanged).contains("key_mismatch " + keyChanged)
                .contains("missing_record " + deleted).contains("unknown_on_ledger " + forged)
                .contains("missing_record " + unknownToIssuer).contains(" mismatches (").doesNotContain("Somebody");
        assertThat(detailOf(claimsChanged)).contains("the ledger holds").doesNotContain("Somebody");

        for (String kind : List.of("status_mismatch", "hash_mismatch", "key_mismatch", "missing_record",
                "unknown_on_ledger")) {
            assertThat(registry.get("pramaan.audit.mismatches").tag("kind", kind).gauge().value())
                    .as(kind).isGreaterThanOrEqualTo(1);
        }
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(anonymous().get("/actuator/health").json().get("status").asString())
                .as("the service's overall health tells the operator").isEqualTo("DOWN");
        Answer readiness = anonymous().get("/actuator/health/readiness");
        assertThat(readiness.status()).as("mismatches do not take the service out of traffic").isEqualTo(200);

        String page = consolePage("/console/audit");
        assertThat(page).contains(claimsChanged).contains("hash_mismatch").contains(unknownToIssuer)
                .doesNotContain("Somebody");
    }

    /** What {@code ./pramaan audit} runs, on this service's database and ledger: it must exit 1 here. */
    private String auditCommand() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        String url = pool.getJdbcUrl() + (pool.getJdbcUrl().contains("?") ? "&" : "?") + "user=" + pool.getUsername();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            exit = AuditMain.run(Map.of("DATABASE_URL", url,
                    "LEDGER_CONNECTION", DevNetwork.shared().connectionFile().toString()), false);
        } finally {
            System.setOut(original);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(exit).as(text).isEqualTo(1);
        return text;
    }

    /** Issues a REV income certificate through the department system's API. */
    private String issue() {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", "9123456781", "fields",
                Map.of("nm", "Audited Person", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    /** Anchored, with no ledger write queued for it. */
    private boolean settled(String id) {
        return jdbc.sql("SELECT c.transaction_id IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM issuer.anchor_outbox a WHERE a.certificate_id = c.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM issuer.revocation_outbox r WHERE r.certificate_id = c.id)"
                        + " FROM issuer.certificate c WHERE c.id = ?")
                .param(id).query(Boolean.class).single();
    }

    /** A certificate the department's ledger identity anchors without the issuer-service knowing it. */
    private String anchorBehindTheIssuersBack(Ledger rev, String model) {
        Map<String, Object> row = jdbc.sql("SELECT type, kid FROM issuer.certificate WHERE id = ?").param(model)
                .query().singleRow();
        CertificateId id = CertificateId.generate(DepartmentCode.of("REV"), (String) row.get("type"), Year.now());
        rev.issue(List.of(new CertificateRequest(id, DepartmentCode.of("REV"), (String) row.get("type"),
                ClaimsHash.of("ab".repeat(32)), KeyId.of((String) row.get("kid")),
                Instant.now().plus(Duration.ofDays(365)))));
        return id.toString();
    }

    private String type(String id) {
        return jdbc.sql("SELECT type FROM issuer.certificate WHERE id = ?").param(id).query(String.class).single();
    }

    private Set<String> mismatchesOf(List<String> ids) {
        return jdbc.sql("SELECT kind || ' ' || certificate_id FROM issuer.audit_mismatch WHERE certificate_id IN ("
                        + ids.stream().map(i -> "?").collect(Collectors.joining(",")) + ")")
                .params(ids.toArray()).query(String.class).set();
    }

    private String detailOf(String id) {
        return jdbc.sql("SELECT detail FROM issuer.audit_mismatch WHERE certificate_id = ?").param(id)
                .query(String.class).single();
    }

    /** A console page as the signed-in admin: the login form with its CSRF token, then the page. */
    private String consolePage(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        Map<String, String> env = devEnv();
        String form = "username=" + enc(env.get("ISSUER_ADMIN_USER")) + "&password=" + enc(env.get("ISSUER_ADMIN_PASSWORD"))
                + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
