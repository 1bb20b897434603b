package org.pramaan.issuer.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.storage.ObjectStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Supporting documents through the API: the bridge uploads checked files and names them in the application, which
 * lists them (metadata only); an officer of the department reads them, checked against their SHA-256, and nobody else
 * can; an application lacking a required one is not approved.
 */
class ApplicationDocumentsApiTest extends IntegrationTest {

    private static final String UPLOAD = "/api/v1/applications/documents?serviceCode=REV-CASTE&document=";

    @Autowired
    ObjectStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadedDocumentsAreStoredWithTheApplicationAndOfficersOfTheDepartmentOpenThem() {
        byte[] photo = SampleFiles.jpeg();
        byte[] pdf = SampleFiles.pdf();
        JsonNode caste = upload("caste", photo, "image/jpeg");
        JsonNode study = upload("study", pdf, "application/pdf");
        assertThat(caste.get("sha256").asString()).hasSize(64);
        assertThat(caste.get("size").asLong()).isEqualTo(photo.length);

        Answer submitted = bridge().post("/api/v1/applications", caste(List.of(
                reference("caste", caste, "image/jpeg", "IMG_2031.jpg"),
                reference("study", study, "application/pdf", "study certificate.pdf"))));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        JsonNode documents = submitted.json().get("documents");
        assertThat(documents).hasSize(2);
        assertThat(submitted.json().get("missingDocuments")).isEmpty();
        JsonNode first = documents.get(0).get("document").asString().equals("caste") ? documents.get(0) : documents.get(1);
        assertThat(first.get("mimeType").asString()).isEqualTo("image/jpeg");
        assertThat(first.get("size").asLong()).isEqualTo(photo.length);
        assertThat(first.get("fileName").asString()).isEqualTo("IMG_2031.jpg");
        assertThat(first.has("bytes")).isFalse();

        // The officer's view of the application lists them too; the bytes come back as they went in.
        Answer view = officer("REV").get("/api/v1/applications/" + id);
        assertThat(view.json().get("documents")).hasSize(2);
        Answer image = officer("REV").get("/api/v1/applications/" + id + "/documents/caste");
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.bytes()).isEqualTo(photo);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.header("Content-Security-Policy")).contains("default-src 'none'").contains("sandbox");
        assertThat(image.header("Content-Disposition")).startsWith("inline");
        Answer file = officer("REV").get("/api/v1/applications/" + id + "/documents/study");
        assertThat(file.bytes()).isEqualTo(pdf);
        assertThat(file.header("Content-Disposition")).startsWith("attachment");
        assertThat(file.header("X-Content-Type-Options")).isEqualTo("nosniff");

        // Another department's officer does not learn that the application exists; the bridge may not read files.
        assertThat(officer("MAUD").get("/api/v1/applications/" + id + "/documents/caste").status()).isEqualTo(404);
        assertThat(bridge().get("/api/v1/applications/" + id + "/documents/caste").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/applications/" + id + "/documents/caste").status()).isEqualTo(401);
        assertThat(officer("REV").get("/api/v1/applications/" + id + "/documents/nothing").status()).isEqualTo(404);

        // Bytes changed in the store are never served.
        String key = jdbc.sql("SELECT object_key FROM issuer.application_document WHERE application_id = ?::uuid"
                + " AND document_key = 'caste'").param(id).query(String.class).single();
        store.put(key, SampleFiles.jpeg(), "image/jpeg");
        Answer corrupt = officer("REV").get("/api/v1/applications/" + id + "/documents/caste");
        assertThat(corrupt.status()).isEqualTo(500);
        assertThat(corrupt.json().get("code").asString()).isEqualTo("stored-object-corrupt");
    }

    @Test
    void badFilesAreRefusedWithAReasonAndNothingIsStored() {
        Answer wrongMagic = bridge().postBytes(UPLOAD + "caste", "MZ this is no photo".getBytes(StandardCharsets.UTF_8),
                "image/jpeg");
        assertThat(wrongMagic.status()).isEqualTo(415);
        assertThat(wrongMagic.json().get("detail").asString()).contains("not a jpg");
        Answer pngAsPdf = bridge().postBytes(UPLOAD + "study", SampleFiles.png(), "application/pdf");
        assertThat(pngAsPdf.status()).isEqualTo(415);
        Answer photoForPdfOnly = bridge().postBytes(UPLOAD + "study", SampleFiles.jpeg(), "image/jpeg");
        assertThat(photoForPdfOnly.status()).isEqualTo(415);
        assertThat(photoForPdfOnly.json().get("detail").asString()).contains("[pdf]");
        Answer word = bridge().postBytes(UPLOAD + "caste", SampleFiles.pdf(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(word.status()).isEqualTo(415);
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        Answer tooLarge = bridge().postBytes(UPLOAD + "caste", huge, "image/jpeg");
        assertThat(tooLarge.status()).isEqualTo(413);
        Answer unknown = bridge().postBytes(UPLOAD + "passport", SampleFiles.jpeg(), "image/jpeg");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("invalid-argument");
        assertThat(anonymous().postBytes(UPLOAD + "caste", SampleFiles.jpeg(), "image/jpeg").status()).isEqualTo(401);
        // Officers decide on documents; they do not upload them for citizens.
        assertThat(officer("REV").postBytes(UPLOAD + "caste", SampleFiles.jpeg(), "image/jpeg").status())
                .isEqualTo(403);
        assertThat(departmentSystem("REV").postBytes(UPLOAD + "caste", SampleFiles.jpeg(), "image/jpeg").status())
                .isEqualTo(201);

        // An application naming a file that was never uploaded is refused, and not stored.
        String phone = phone();
        Map<String, Object> body = new java.util.HashMap<>(caste(List.of(Map.of("document", "caste", "sha256",
                HexFormat.of().formatHex(new byte[32]), "size", 100, "mimeType", "image/jpeg"))));
        body.put("phoneNumber", phone);
        Answer notUploaded = bridge().post("/api/v1/applications", body);
        assertThat(notUploaded.status()).isEqualTo(400);
        assertThat(notUploaded.json().get("detail").asString()).contains("caste was not uploaded");
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.application WHERE phone_number = ?").param(phone)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anApplicationWithoutARequiredDocumentCannotBeApproved() {
        Answer submitted = bridge().post("/api/v1/applications", caste(List.of()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asString();
        assertThat(submitted.json().get("missingDocuments").get(0).asString()).isEqualTo("caste");
        Answer approve = officer("REV").post("/api/v1/applications/" + id + "/approve", Map.of());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.json().get("code").asString()).isEqualTo("documents-missing");
        assertThat(officer("REV").get("/api/v1/applications/" + id).json().get("status").asString())
                .isEqualTo("SUBMITTED");
        Answer reject = officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reasonCode", "DOCUMENTS_MISSING"));
        assertThat(reject.status()).isEqualTo(200);
    }

    private JsonNode upload(String document, byte[] bytes, String type) {
        Answer answer = bridge().postBytes(UPLOAD + document, bytes, type);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }

    private static Map<String, Object> reference(String document, JsonNode uploaded, String type, String name) {
        return Map.of("document", document, "sha256", uploaded.get("sha256").asString(), "size",
                uploaded.get("size").asLong(), "mimeType", type, "fileName", name);
    }

    static Map<String, Object> caste(List<Map<String, Object>> documents) {
        return Map.of("serviceCode", "REV-CASTE", "language", "te", "phoneNumber", phone(),
                "fields", Map.of("nm", "Documents Tester", "vi", "Guntur"), "documents", documents);
    }

    static String phone() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }
}
