package org.pramaan.issuer.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.certificate.SigningHealthIndicator;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.BridgeStub;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department's key through its life, against the development peer: listed from the ledger,
 * revoked (approval refused cleanly with {@code signing-key-unavailable}, nothing signed, the
 * citizen told of the delay, health DOWN, one ERROR line), rotated (issuance back with a new kid,
 * the earlier certificate still genuine), and rotated again under steady issuance, counting failures.
 *
 * <p>A context of its own with its own home, so its keys are not the shared context's: the ledger
 * is shared by every test in this JVM, and revoking the key the other tests sign with would fail them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(org.pramaan.issuer.support.TestLedgerConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyLifeTest {

    private static final Logger LOG = LoggerFactory.getLogger(KeyLifeTest.class);
    private static final Path OWN_HOME = KeyLifeSupport.tempHome("issuer-keys-home");
    static final BridgeStub BRIDGE = new BridgeStub();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownHome(DynamicPropertyRegistry registry) {
        IntegrationTest.register(registry, OWN_HOME);
        registry.add("pramaan.database.embedded-name", () -> "issuer_keys_test");
        registry.add("pramaan.bridge.base-url", BRIDGE::baseUrl);
        registry.add("pramaan.keys.rotation.retire-grace", () -> "1s");
        registry.add("pramaan.anchoring.max-attempts", () -> "3");
    }

    @Autowired
    LedgerConnections connections;

    @Autowired
    org.pramaan.issuer.support.SwitchableLedgers ledgers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningHealthIndicator signingHealth;

    @Autowired
    MeterRegistry meters;

    private ApiClient adminHere() {
        Map<String, String> env = KeyLifeSupport.devEnv(OWN_HOME);
        return ApiClient.officer(port, env.get("ISSUER_ADMIN_USER"), env.get("ISSUER_ADMIN_PASSWORD"));
    }

    private ApiClient officerHere() {
        Map<String, String> env = KeyLifeSupport.devEnv(OWN_HOME);
        return ApiClient.officer(port, env.get("ISSUER_OFFICER_REV_USER"), env.get("ISSUER_OFFICER_REV_PASSWORD"));
    }

    private ApiClient systemHere() {
        return ApiClient.apiKey(port, KeyLifeSupport.devEnv(OWN_HOME).get("ISSUER_DEPT_SYSTEM_REV_KEY"));
    }

    private ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    private ApiClient bridge() {
        return ApiClient.basic(port, IntegrationTest.BRIDGE_CLIENT_ID, IntegrationTest.BRIDGE_CLIENT_SECRET);
    }

    private Answer issue(String name) {
        return systemHere().post("/api/v1/certificates", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9123456781", "fields",
                Map.of("nm", name, "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
    }

    private IssuerRecord rev() {
        return connections.admin().issuer("REV").orElseThrow();
    }

    private long certificates() {
        return jdbc.sql("SELECT count(*) FROM issuer.certificate").query(Long.class).single();
    }

    private void awaitAnchored(List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM issuer.certificate WHERE transaction_id IS NULL AND id = ANY (?)")
                .param(ids.toArray(String[]::new)).query(Long.class).single() == 0);
    }

    @Test
    @Order(1)
    void revokedKeyRefusesApprovalAndRotationBringsIssuanceBack(CapturedOutput output) throws Exception {
        String initialKid = kidOf(OWN_HOME.resolve("keys/REV/signer.pem"));

        // The listing comes from the ledger; only the admin may ask.
        Answer listed = adminHere().get("/api/v1/admin/keys?department=REV");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains("\"kid\":\"" + initialKid + "\"");
        assertThat(listed.json().valueStream().filter(k -> k.get("kid").asString().equals(initialKid))
                .findFirst().orElseThrow().get("status").asString()).isEqualTo("ACTIVE");
        Answer table = adminHere().get("/api/v1/admin/keys/table?department=REV");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.body()).startsWith("DEPT").contains("REV    " + initialKid + " ACTIVE *");
        Answer byOfficer = officerHere().get("/api/v1/admin/keys");
        assertThat(byOfficer.status()).isEqualTo(403);
        assertThat(byOfficer.contentType()).contains("application/problem+json");
        assertThat(anonymous().get("/api/v1/admin/keys").status()).isEqualTo(401);
        Answer badReason = adminHere().post("/api/v1/admin/keys/REV/" + initialKid + "/revoke", Map.of("reason", "LOST"));
        assertThat(badReason.status()).as(badReason.body()).isEqualTo(400);
        assertThat(badReason.contentType()).contains("application/problem+json");
        Answer badFrom = adminHere().post("/api/v1/admin/keys/REV/" + initialKid + "/revoke",
                Map.of("reason", "RETIRED", "from", "yesterday"));
        assertThat(badFrom.status()).as(badFrom.body()).isEqualTo(400);
        assertThat(rev().signer(org.pramaan.contract.id.KeyId.of(initialKid)).orElseThrow().revokedFrom())
                .as("refused requests change nothing").isNull();

        Answer before = issue("Early Holder");
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        String earlyId = before.json().get("id").asString();
        String earlyQr = before.json().get("qrText").asString();
        awaitAnchored(List.of(earlyId));

        // The state IT authority revokes the only key this service holds.
        Answer revoked = adminHere().post("/api/v1/admin/keys/REV/" + initialKid + "/revoke",
                Map.of("reason", "RETIRED"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("key").get("status").asString()).isEqualTo("RETIRED");

        String applicationId = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME",
                "language", "te", "phoneNumber", "9123456782", "channelReference", "keys-" + UUID.randomUUID(),
                "fields", Map.of("nm", "Waiting Holder", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")))
                .json().get("id").asString();
        long stored = certificates();
        for (int attempt = 0; attempt < 3; attempt++) {
            Answer refused = officerHere().post("/api/v1/applications/" + applicationId + "/approve", Map.of());
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).contains("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("signing-key-unavailable");
        }
        Answer direct = issue("Direct Holder");
        assertThat(direct.status()).isEqualTo(503);
        assertThat(certificates()).as("nothing signed").isEqualTo(stored);
        assertThat(officerHere().get("/api/v1/applications/" + applicationId).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> BRIDGE.received().stream()
                .filter(r -> r.body().contains("\"DELAYED\"") && r.body().contains(applicationId)).count() == 1);
        assertThat(signingHealth.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(signingHealth.health().getDetails().toString()).contains("REV=DOWN");
        assertThat(meters.get("pramaan.signing.available").tag("department", "REV").gauge().value()).isZero();
        assertThat(anonymous().get("/actuator/health/readiness").status()).as("the service stays ready").isEqualTo(200);
        assertThat(output.getAll().lines().filter(l -> l.contains("ERROR")
                && l.contains("signing for department REV is unavailable")).count()).as("one ERROR line").isEqualTo(1);

        // The earlier certificate stays genuine: it was signed before the key was withdrawn.
        assertThat(KeyLifeSupport.verify(OWN_HOME, rev(), earlyQr).outcome())
                .isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);

        // Rotation brings issuance back, with a new kid.
        Answer rotated = adminHere().post("/api/v1/admin/keys/REV/rotate", Map.of());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKid = rotated.json().get("kid").asString();
        assertThat(newKid).isNotEqualTo(initialKid);
        Answer approved = officerHere().post("/api/v1/applications/" + applicationId + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        String certificateId = approved.json().get("certificateId").asString();
        Answer certificate = officerHere().get("/api/v1/certificates/" + certificateId);
        assertThat(certificate.json().get("kid").asString()).isEqualTo(newKid);
        awaitAnchored(List.of(certificateId));
        assertThat(KeyLifeSupport.verify(OWN_HOME, rev(), certificate.json().get("qrText").asString()).outcome())
                .isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
        assertThat(signingHealth.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("pramaan.signing.available").tag("department", "REV").gauge().value()).isEqualTo(1.0);

        rotateUnderLoad(newKid);
    }

    /**
     * A key found compromised from a past instant: what it signed before stays genuine, what it signed
     * after fails at the verifier as withdrawn on that date; one command re-issues exactly those with
     * a new key, each old one SUPERSEDED on the ledger pointing at its replacement, each citizen told.
     */
    @Test
    @Order(2)
    void compromiseFromThePastInvalidatesExactlyWhatCameAfterAndReissueSupersedesIt() {
        String kid = rev().signers().stream().filter(k -> k.revocationReason() == null)
                .filter(k -> jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE kid = ?").param(k.kid().hex())
                        .query(Long.class).single() > 0)
                .findFirst().orElseThrow().kid().hex();
        Answer early = issue("Before Compromise");
        assertThat(early.status()).as(early.body()).isEqualTo(201);
        java.time.Instant from = java.time.Instant.parse(early.json().get("issuedAt").asString())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> java.time.Instant.now().isAfter(from.plusMillis(10)));
        List<String> after = new ArrayList<>();
        for (String name : List.of("After Compromise", "Also After")) {
            Answer a = issue(name);
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            assertThat(a.json().get("kid").asString()).isEqualTo(kid);
            after.add(a.json().get("id").asString());
        }
        List<String> all = new ArrayList<>(after);
        all.add(early.json().get("id").asString());
        awaitAnchored(all);

        Answer revoked = adminHere().post("/api/v1/admin/keys/REV/" + kid + "/revoke",
                Map.of("reason", "KEY_COMPROMISE", "from", from.toString()));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("certificatesAffected").asLong()).isEqualTo(2);
        IssuerRecord record = rev();
        assertThat(KeyLifeSupport.verify(OWN_HOME, record, early.json().get("qrText").asString()).outcome())
                .as("signed before the compromise: genuine").isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
        for (String id : after) {
            CredentialCheck check = KeyLifeSupport.verify(OWN_HOME, record, qr(id));
            assertThat(check.outcome()).isEqualTo(CredentialCheck.Outcome.UNKNOWN_ISSUER);
            assertThat(check.keyWithdrawnFrom()).contains(from);
        }

        assertThat(adminHere().post("/api/v1/admin/keys/REV/rotate", Map.of()).status()).isEqualTo(200);
        Answer reissued = adminHere().post("/api/v1/admin/keys/REV/" + kid + "/reissue", Map.of());
        assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
        List<String> replacedIds = reissued.json().get("replaced").valueStream()
                .map(r -> r.get("replaced").asString()).toList();
        assertThat(replacedIds).containsExactlyInAnyOrderElementsOf(after);
        Map<String, String> replacements = new java.util.HashMap<>();
        reissued.json().get("replaced").valueStream()
                .forEach(r -> replacements.put(r.get("replaced").asString(), r.get("replacement").asString()));
        awaitAnchored(List.copyOf(replacements.values()));
        await().atMost(Duration.ofSeconds(60)).until(() -> after.stream().allMatch(id ->
                connections.admin().read(id).orElseThrow().status()
                        == org.pramaan.contract.certificate.CertificateStatus.SUPERSEDED));
        IssuerRecord now = rev();
        for (String id : after) {
            var old = connections.admin().read(id).orElseThrow();
            assertThat(old.replacedBy().value()).isEqualTo(replacements.get(id));
            String replacement = replacements.get(id);
            assertThat(connections.admin().read(replacement).orElseThrow().status())
                    .isEqualTo(org.pramaan.contract.certificate.CertificateStatus.ACTIVE);
            assertThat(KeyLifeSupport.verify(OWN_HOME, now, qr(replacement)).outcome())
                    .isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
            await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.received().stream().anyMatch(r ->
                    r.body().contains("\"ISSUED\"") && r.body().contains(replacement)));
            await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.received().stream().anyMatch(r ->
                    r.body().contains("\"REVOKED\"") && r.body().contains(id) && r.body().contains("SUPERSEDED")));
        }
        assertThat(connections.admin().read(early.json().get("id").asString()).orElseThrow().status())
                .as("the earlier certificate is untouched").isEqualTo(org.pramaan.contract.certificate.CertificateStatus.ACTIVE);
        Answer again = adminHere().post("/api/v1/admin/keys/REV/" + kid + "/reissue", Map.of());
        assertThat(again.json().get("replaced").size()).as("re-issue twice replaces nothing twice").isZero();
        LOG.info("keys after a rotation, a compromise and a re-issue:\n{}",
                adminHere().get("/api/v1/admin/keys/table?department=REV").body());
    }

    /** Anchoring that keeps failing stops after the cap: the certificate is parked, counted, and left alone. */
    @Test
    @Order(3)
    void anchoringGivesUpAfterTheCapAndParksTheCertificate() {
        ledgers.available(false);
        String id;
        try {
            Answer issued = issue("Parked Holder");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            id = issued.json().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM issuer.anchor_outbox WHERE certificate_id = ? AND parked_at IS NOT NULL")
                    .param(id).query(Long.class).single() == 1);
        } finally {
            ledgers.available(true);
        }
        assertThat(jdbc.sql("SELECT attempts FROM issuer.anchor_outbox WHERE certificate_id = ?").param(id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(meters.get("pramaan.anchoring.parked").gauge().value()).isGreaterThanOrEqualTo(1.0);
        // Back online, a parked certificate is not retried: an operator decides.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> jdbc.sql(
                "SELECT transaction_id IS NULL FROM issuer.certificate WHERE id = ?").param(id).query(Boolean.class).single());
    }

    private String qr(String id) {
        return jdbc.sql("SELECT qr_text FROM issuer.certificate WHERE id = ?").param(id).query(String.class).single();
    }

    /** Steady issuance from four clients while the key is rotated: every issuance succeeds and anchors. */
    private void rotateUnderLoad(String oldKid) throws Exception {
        int clients = 4;
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean rotating = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> load = new ArrayList<>();
        AtomicInteger afterRotation = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            load.add(pool.submit(() -> {
                // Bounded: until the rotation is done and each client issued a few more, at most 400 each.
                for (int i = 0; i < 400 && (rotating.get() || afterRotation.get() < 3 * clients); i++) {
                    Answer answer = issue("Load Holder");
                    if (answer.status() == 201) {
                        succeeded.incrementAndGet();
                        ids.add(answer.json().get("id").asString());
                        if (!rotating.get()) {
                            afterRotation.incrementAndGet();
                        }
                    } else {
                        failures.incrementAndGet();
                        LOG.error("issuance failed during rotation: {} {}", answer.status(), answer.body());
                    }
                }
            }));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> succeeded.get() >= 2 * clients);
        Answer rotated = adminHere().post("/api/v1/admin/keys/REV/rotate", Map.of());
        rotating.set(false);
        for (Future<?> f : load) {
            f.get();
        }
        pool.shutdown();
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKid = rotated.json().get("kid").asString();
        assertThat(rotated.json().get("retired").toString()).contains(oldKid);
        awaitAnchored(ids);
        LOG.info("rotation under load: {} issuances, {} failed, {} anchored", succeeded.get() + failures.get(),
                failures.get(), ids.size());
        assertThat(failures.get()).as("failed issuances during rotation").isZero();
        List<String> kids = jdbc.sql("SELECT DISTINCT kid FROM issuer.certificate WHERE id = ANY (?)")
                .param(ids.toArray(String[]::new)).query(String.class).list();
        assertThat(kids).containsExactlyInAnyOrder(oldKid, newKid);
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.anchor_outbox WHERE parked_at IS NOT NULL")
                .query(Long.class).single()).isZero();
        IssuerRecord record = rev();
        assertThat(record.signer(org.pramaan.contract.id.KeyId.of(oldKid)).orElseThrow().revocationReason().name())
                .isEqualTo("RETIRED");
        for (String id : List.of(ids.get(0), ids.get(ids.size() - 1))) {
            String qr = jdbc.sql("SELECT qr_text FROM issuer.certificate WHERE id = ?").param(id).query(String.class)
                    .single();
            assertThat(KeyLifeSupport.verify(OWN_HOME, record, qr).outcome())
                    .as("signed with either key, still genuine").isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
        }
    }

    private static String kidOf(Path certificate) throws Exception {
        assertThat(Files.exists(certificate)).as("this test's own keys, not the shared context's").isTrue();
        return org.pramaan.contract.id.KeyId.of(KeyFiles.readCertificate(certificate)).hex();
    }
}
