package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.catalog.validation.Verhoeff;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The bridge submits, an officer approves, the certificate is signed, anchored and delivered. */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationFlowTest extends IntegrationTest {

    static final Map<String, String> INCOME = Map.of("nm", "Kondapalli Ramesh", "ai", "96000",
            "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignerKeys keys;

    @Test
    void submittedApplicationIsApprovedSignedAnchoredAndDelivered() throws Exception {
        Answer submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", "+91 98765 43210", "fields", INCOME, "channelReference", "flow-" + java.util.UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("serviceCode").asString()).isEqualTo("REV-INCOME");
        java.time.Instant submittedAt = java.time.Instant.parse(submitted.json().get("submittedAt").asString());
        assertThat(java.time.Instant.parse(submitted.json().get("serviceLevelDue").asString()))
                .isAfter(submittedAt);
        assertThat(submitted.json().get("fields").get("ah").asString()).isEqualTo("XXXX XXXX 2346");

        Answer queue = officer("REV").get("/api/v1/applications/" + id);
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);

        Answer approved = officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode application = approved.json();
        assertThat(application.get("status").asString()).isEqualTo("ISSUED");
        List<String> path = application.get("transitions").valueStream().map(t -> t.get("to").asString()).toList();
        assertThat(path).containsExactly("SUBMITTED", "APPROVED", "ISSUED");
        assertThat(application.get("transitions").get(1).get("actor").asString()).isEqualTo("officer:rev-officer");
        String certificateId = application.get("certificateId").asString();
        Answer retried = officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        assertThat(retried.status()).as("a retried approval is answered again, not refused").isEqualTo(200);
        assertThat(retried.json().get("certificateId").asString()).isEqualTo(certificateId);
        assertThat(retried.json().get("transitions").size()).as("and changes nothing").isEqualTo(3);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                "ANCHORED".equals(bridge().get("/api/v1/certificates/" + certificateId).json().get("status").asString()));
        JsonNode certificate = bridge().get("/api/v1/certificates/" + certificateId).json();
        assertThat(certificate.get("ledger").get("transactionId").asString()).isNotBlank();
        assertThat(certificate.get("ledger").get("blockNumber").asLong()).isPositive();
        assertThat(certificate.get("fields").has("ah")).as("Aadhaar is never signed").isFalse();

        X509Certificate root = DevelopmentPki.open(HOME.resolve("keys"), List.of(DepartmentCode.of("REV")),
                Clock.systemUTC()).root().certificate();
        CredentialCheck check = new CredentialVerifier(TrustList.build(List.of(root), List.of(),
                List.of(new TrustedSigner(DepartmentCode.of("REV"), keys.signer(DepartmentCode.of("REV")).certificate(),
                        java.util.Optional.empty()))), Clock.systemUTC())
                .verify(certificate.get("qrText").asString());
        assertThat(check.outcome().name()).isEqualTo("SIGNATURE_VALID");
        assertThat(check.credential().orElseThrow().claims().body().holderName()).isEqualTo("Kondapalli Ramesh");

        Answer pdf = pdfWhenReady(bridge(), certificateId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
        // Signed by the department (PAdES, timestamped by the development TSA), the signature covering the whole file.
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature signature =
                    document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            assertThat(range[2] + range[3]).isEqualTo(pdf.bytes().length);
            // What a paper certificate carries (issue 13 item 9): the approving officer, the signing date, the
            // amount in Indian grouping; and PDF/A-3b, declared in the XMP (veraPDF checks it in ArchivalPdfTest).
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            String today = java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu")
                    .format(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")));
            assertThat(text).contains("Issuing officer", "Revenue Department officer", "₹96,000",
                    "Digitally signed by Revenue Department on " + today);
            assertThat(new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("pdfaid:part");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !BRIDGE.accepted(certificateId).isEmpty());
        var delivery = BRIDGE.accepted(certificateId).get(0);
        assertThat(delivery.path()).isEqualTo("/internal/v1/deliveries");
        assertThat(delivery.authorization()).isEqualTo("Bearer " + BRIDGE_TOKEN);
        JsonNode notice = tools.jackson.databind.json.JsonMapper.builder().build().readTree(delivery.body());
        assertThat(java.util.UUID.fromString(notice.get("deliveryId").asString())).isNotNull();
        assertThat(notice.get("type").asString()).isEqualTo("ISSUED");
        assertThat(notice.get("certificateId").asString()).isEqualTo(certificateId);
        assertThat(notice.get("phoneNumber").asString()).isEqualTo("919876543210");
        assertThat(notice.get("applicationId").asString()).isEqualTo(id);
        assertThat(notice.get("language").asString()).isEqualTo("te");
        assertThat(notice.get("serviceName").get("te").asString()).isEqualTo("ఆదాయ ధృవీకరణ పత్రం");
        assertThat(notice.get("serviceName").get("en").asString()).isEqualTo("Income Certificate");
        assertThat(notice.get("serviceName").get("hi").asString()).isNotBlank();
        assertThat(notice.has("reason")).isTrue();
        assertThat(notice.get("reason").isNull()).isTrue();
        assertThat(notice.get("pdfUrl").asString()).endsWith("/api/v1/certificates/" + certificateId + "/pdf");
        assertThat(notice.get("verifyUrl").asString()).isEqualTo(certificate.get("qrText").asString())
                .startsWith("HTTPS://VERIFY.EXAMPLE.GOV.IN/C/");

        String stored = jdbc.sql("SELECT fields::text FROM issuer.application WHERE id = ?::uuid").param(id)
                .query(String.class).single();
        assertThat(stored).doesNotContain("234123412346").doesNotContain("2341 2341 2346");
    }

    @Test
    void invalidFieldsAreRejectedWithReasonsInTheApplicantsLanguage() {
        Answer answer = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", "9876543210", "fields", Map.of("nm", "Ramesh", "ai", "lots", "ah", "2341 2341 2345",
                        "pc", "020001", "ct", "XYZ", "db", "2999-01-01")));
        assertThat(answer.status()).isEqualTo(422);
        JsonNode fields = answer.json().get("errors");
        Map<String, String> codes = new java.util.HashMap<>();
        fields.forEach(f -> codes.put(f.get("field").asString(), f.get("code").asString()));
        assertThat(codes).containsEntry("ai", "NOT_A_NUMBER").containsEntry("ah", "AADHAAR_CHECK_DIGIT")
                .containsEntry("pc", "BAD_PIN").containsEntry("ct", "NOT_AN_OPTION").containsEntry("db", "IN_FUTURE");
        assertThat(fields.get(0).get("reason").asString()).matches(".*[\\u0C00-\\u0C7F].*");
        assertThat(fields.get(0).get("field").asString()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.application WHERE holder_name = 'Ramesh'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rejectionNeedsAReasonAndEndsTheApplication() {
        String id = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "fields", INCOME)).json().get("id").asString();
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject", Map.of("reason", " ")).status())
                .isEqualTo(400);
        Answer rejected = officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Income proof missing"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("Income proof missing");
        Answer again = officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("REJECTED");
    }

    @Test
    void automaticServicesIssueOnSubmission() {
        Answer answer = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE", "language", "hi",
                "phoneNumber", "9876543210", "fields", Map.of("nm", "Sita Devi", "vi", "Guntur", "yr", "1999")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("ISSUED");
        assertThat(answer.json().get("transitions").get(1).get("actor").asString()).startsWith("system:");
    }

    @Test
    void writesNeedCredentialsAndTheRightDepartment() {
        Map<String, Object> body = Map.of("service", "REV-INCOME", "language", "en", "phoneNumber", "9876543210",
                "fields", INCOME);
        assertThat(anonymous().post("/api/v1/applications", body).status()).isEqualTo(401);
        assertThat(org.pramaan.issuer.support.ApiClient.basic(port, "whatsapp-bridge", "wrong")
                .post("/api/v1/applications", body).status()).isEqualTo(401);
        assertThat(org.pramaan.issuer.support.ApiClient.apiKey(port, "rev-system.wrong")
                .post("/api/v1/certificates", body).status()).isEqualTo(401);
        String id = bridge().post("/api/v1/applications", body).json().get("id").asString();
        assertThat(officer("MAUD").post("/api/v1/applications/" + id + "/approve", Map.of()).status()).isEqualTo(404);
        assertThat(bridge().post("/api/v1/applications/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/catalog").status()).isEqualTo(200);
    }

    @Test
    void anAadhaarNumberIsNeverLoggedNorStored(CapturedOutput output) {
        String digits = "34567812345" + Verhoeff.checkDigit("34567812345");
        String spaced = digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8);
        Map<String, String> fields = new java.util.HashMap<>(INCOME);
        fields.put("ah", spaced);
        fields.put("nm", "Aadhaar Privacy");
        String id = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "fields", fields)).json().get("id").asString();
        officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        fields.put("ah", digits.substring(0, 11) + ((digits.charAt(11) - '0' + 1) % 10));
        assertThat(bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "fields", fields)).status()).isEqualTo(422);
        assertThat(output.getAll()).doesNotContain(digits).doesNotContain(spaced).doesNotContain(digits.substring(0, 11));
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.application WHERE fields::text LIKE ?")
                .param("%" + digits.substring(0, 8) + "%").query(Long.class).single()).isZero();
    }

    @Test
    void officersSearchTheirQueueAndTheAdminSeesEveryDepartment() {
        String id = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9876543210", "fields", Map.of("nm", "Queue Searcher", "ai", "1000",
                        "ah", "2341 2341 2346", "pc", "500001"))).json().get("id").asString();
        JsonNode queue = officer("REV").get("/api/v1/applications/queue").json();
        List<String> ids = queue.valueStream().map(a -> a.get("id").asString()).toList();
        assertThat(ids).contains(id);
        List<String> submitted = queue.valueStream().map(a -> a.get("submittedAt").asString()).toList();
        assertThat(submitted).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
        assertThat(officer("MAUD").get("/api/v1/applications/queue").json().valueStream()
                .map(a -> a.get("id").asString())).doesNotContain(id);
        assertThat(officer("REV").get("/api/v1/applications?q=queue%20search").json().get(0).get("id").asString())
                .isEqualTo(id);
        assertThat(admin().get("/api/v1/applications/" + id).status()).isEqualTo(200);
        assertThat(admin().post("/api/v1/applications/" + id + "/reject", Map.of("reason", "Duplicate")).json()
                .get("transitions").get(1).get("actor").asString()).isEqualTo("admin:admin");
    }
}
