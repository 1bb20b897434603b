package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bridge's side of interfaces.md: submission shape, retried submissions, and lookups by phone number. */
class BridgeContractTest extends IntegrationTest {

    /** Each test its own citizen, so that lists hold only what the test made. */
    private static final AtomicLong PHONES = new AtomicLong(917000000000L + (System.nanoTime() % 1_000_000) * 100);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRetriedSubmissionWithTheSameChannelReferenceGetsTheFirstApplication() {
        String phone = nextPhone();
        String reference = "conversation-" + UUID.randomUUID();
        Map<String, Object> body = income(phone, reference);
        Answer first = bridge().post("/api/v1/applications", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Answer again = bridge().post("/api/v1/applications", body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("submittedAt").asString()).isEqualTo(first.json().get("submittedAt").asString());
        assertThat(count(phone)).isEqualTo(1);

        // The reference is the client's own: another client's equal reference is another application.
        Answer other = departmentSystem("REV").post("/api/v1/applications", body);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(other.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        // Without a reference every submission is new.
        Map<String, Object> unreferenced = new HashMap<>(body);
        unreferenced.remove("channelReference");
        assertThat(bridge().post("/api/v1/applications", unreferenced).status()).isEqualTo(201);
        assertThat(bridge().post("/api/v1/applications", unreferenced).status()).isEqualTo(201);
        assertThat(count(phone)).isEqualTo(4);
    }

    @Test
    void aReferenceReusedForAnotherServiceIsAConflict() {
        String phone = nextPhone();
        String reference = "conversation-" + UUID.randomUUID();
        assertThat(bridge().post("/api/v1/applications", income(phone, reference)).status()).isEqualTo(201);
        Answer other = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE", "language", "en",
                "phoneNumber", phone, "channelReference", reference,
                "fields", Map.of("nm", "Sita Devi", "vi", "Guntur", "yr", "1999")));
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("detail").asString()).contains(reference);
        assertThat(count(phone)).isEqualTo(1);
    }

    @Test
    void concurrentTwinsMakeOneApplication() throws Exception {
        String phone = nextPhone();
        Map<String, Object> body = income(phone, "conversation-" + UUID.randomUUID());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return bridge().post("/api/v1/applications", body);
                }));
            }
            start.countDown();
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> f : answers) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(done).extracting(Answer::status).containsOnly(200, 201).containsOnlyOnce(201);
            assertThat(done.stream().map(a -> a.json().get("id").asString()).distinct()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(phone)).isEqualTo(1);
    }

    @Test
    void badSubmissionsAreRefusedClearly() {
        Answer unknown = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-NOTHING", "language", "en",
                "phoneNumber", nextPhone(), "fields", Map.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("REV-NOTHING");
        Answer missing = bridge().post("/api/v1/applications", Map.of("language", "en", "fields", Map.of()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("serviceCode");
        Answer disagreeing = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME",
                "service", "REV-RESIDENCE", "language", "en", "fields", Map.of()));
        assertThat(disagreeing.status()).isEqualTo(400);
    }

    @Test
    void theBridgeListsACitizensApplicationsInTheDocumentedShape() {
        String phone = nextPhone();
        String submitted = bridge().post("/api/v1/applications", income(phone, null)).json().get("id").asString();
        String rejected = bridge().post("/api/v1/applications", income(phone, null)).json().get("id").asString();
        officer("REV").post("/api/v1/applications/" + rejected + "/reject", Map.of("reason", "Income proof missing"));
        bridge().post("/api/v1/applications", income(nextPhone(), null));

        // The bare 10-digit form of the same number finds the same citizen.
        Answer answer = bridge().get("/api/v1/applications?phoneNumber=" + phone.substring(2));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode list = answer.json().get("applications");
        assertThat(list.valueStream().map(a -> a.get("id").asString()).toList()).containsExactly(rejected, submitted);
        JsonNode first = list.get(0);
        assertThat(first.get("status").asString()).isEqualTo("REJECTED");
        assertThat(first.get("serviceCode").asString()).isEqualTo("REV-INCOME");
        assertThat(first.get("rejectionReason").asString()).isEqualTo("Income proof missing");
        assertThat(first.get("decidedAt").asString()).isNotBlank();
        assertThat(first.has("certificateId")).isTrue();
        assertThat(list.get(1).get("decidedAt").isNull()).isTrue();
        assertThat(list.get(1).get("rejectionReason").isNull()).isTrue();
        assertThat(first.has("fields")).as("no personal data in the list").isFalse();
    }

    @Test
    void theBridgeListsACitizensCertificatesAndMayFetchTheirPdf() {
        String phone = nextPhone();
        Answer issued = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE", "language", "hi",
                "phoneNumber", phone, "fields", Map.of("nm", "Sita Devi", "vi", "Guntur", "yr", "1999")));
        String certificateId = issued.json().get("certificateId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> bridge().get("/api/v1/certificates?phoneNumber=" + phone)
                .json().get("certificates").get(0).get("anchored").asBoolean());
        JsonNode certificate = bridge().get("/api/v1/certificates?phoneNumber=" + phone).json()
                .get("certificates").get(0);
        assertThat(certificate.get("id").asString()).isEqualTo(certificateId);
        assertThat(certificate.get("serviceCode").asString()).isEqualTo("REV-RESIDENCE");
        assertThat(certificate.get("status").asString()).isEqualTo("ANCHORED");
        assertThat(certificate.get("issuedAt").asString()).isNotBlank();
        assertThat(certificate.get("validUntil").asString()).isNotBlank();
        assertThat(bridge().get("/api/v1/certificates?phoneNumber=" + nextPhone()).json().get("certificates").isEmpty())
                .isTrue();
        Answer pdf = pdfWhenReady(bridge(), certificateId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void theBridgesListSaysWhichCertificatesAreRevokedOrHeldByCodeOnly() {
        String phone = nextPhone();
        String revoked = issueDirectly(phone, "Revoked Holder");
        String held = issueDirectly(phone, "Held Holder");
        String good = issueDirectly(phone, "Good Holder");
        Answer revocation = officer("REV").post("/api/v1/certificates/" + revoked + "/revoke",
                Map.of("code", "DATA_CORRECTED", "reason", "Officer's private note"));
        assertThat(revocation.status()).as(revocation.body()).isEqualTo(200);
        Answer hold = officer("REV").post("/api/v1/certificates/" + held + "/hold",
                Map.of("code", "DOCUMENTS_VERIFICATION", "note", "checking"));
        assertThat(hold.status()).as(hold.body()).isEqualTo(200);

        Answer list = bridge().get("/api/v1/certificates?phoneNumber=" + phone);
        Map<String, JsonNode> byId = new HashMap<>();
        list.json().get("certificates").forEach(c -> byId.put(c.get("id").asString(), c));
        assertThat(byId.get(revoked).get("status").asString()).isEqualTo("REVOKED");
        assertThat(byId.get(revoked).get("revocationCode").asString()).isEqualTo("DATA_CORRECTED");
        assertThat(byId.get(held).get("holdCode").asString()).isEqualTo("DOCUMENTS_VERIFICATION");
        assertThat(byId.get(held).get("revocationCode").isNull()).isTrue();
        assertThat(byId.get(good).get("holdCode").isNull()).isTrue();
        assertThat(byId.get(good).get("replacedBy").isNull()).isTrue();
        assertThat(list.body()).as("the officer's words stay with the department")
                .doesNotContain("private note", "checking");
    }

    private String issueDirectly(String phone, String name) {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "te", "phoneNumber", phone, "fields",
                Map.of("nm", name, "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    @Test
    void onlyTheBridgeMayLookACitizenUpByPhoneNumber() {
        String phone = nextPhone();
        bridge().post("/api/v1/applications", income(phone, null));
        for (String path : List.of("/api/v1/applications?phoneNumber=" + phone,
                "/api/v1/certificates?phoneNumber=" + phone)) {
            assertThat(officer("REV").get(path).status()).as("officer: " + path).isEqualTo(403);
            assertThat(admin().get(path).status()).as("admin: " + path).isEqualTo(403);
            assertThat(departmentSystem("REV").get(path).status()).as("department system: " + path).isEqualTo(403);
            assertThat(anonymous().get(path).status()).as("anonymous: " + path).isEqualTo(401);
            assertThat(bridge().get(path).status()).as("bridge: " + path).isEqualTo(200);
        }
        assertThat(bridge().get("/api/v1/applications?phoneNumber=12").status()).isEqualTo(400);
        // Officers keep their own search, a plain list.
        Answer search = officer("REV").get("/api/v1/applications?q=");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().isArray()).isTrue();
        assertThat(officer("REV").get("/api/v1/certificates?q=").json().isArray()).isTrue();
    }

    private long count(String phone) {
        return jdbc.sql("SELECT count(*) FROM issuer.application WHERE phone_number = ?").param(phone)
                .query(Long.class).single();
    }

    private static String nextPhone() {
        return Long.toString(PHONES.incrementAndGet());
    }

    private static Map<String, Object> income(String phone, String reference) {
        Map<String, Object> body = new HashMap<>(Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", phone, "fields", ApplicationFlowTest.INCOME));
        if (reference != null) {
            body.put("channelReference", reference);
        }
        return body;
    }
}
