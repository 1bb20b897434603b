package org.pramaan.issuer.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.LegacyPdfMover;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.storage.StorageAutoConfiguration.EmbeddedStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Certificate PDFs in the object store (issue 19, part 3), against the S3Proxy process the test service started
 * over {@code HOME/objects}: issuance writes the object and the row keeps only its key and SHA-256; every read is
 * checked; a store that is down delays the PDF (rendered after the approval), not the approval; rows from before keep working and
 * are moved, with the database bytes per certificate measured before and after.
 */
class PdfObjectStorageTest extends IntegrationTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PdfObjectStorageTest.class);

    private static final Map<String, String> INCOME = Map.of("nm", "Kondapalli Ramesh", "ai", "96000",
            "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedStore store;

    @Autowired
    Certificates certificates;

    @Autowired
    LegacyPdfMover mover;

    private String issue(String phone) {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "te", "phoneNumber", phone, "fields", INCOME));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        assertThat(pdfWhenReady(departmentSystem("REV"), id).status()).as("rendered after the approval").isEqualTo(200);
        return id;
    }

    private Path objectFile(String certificateId) {
        return store.proxy().folder().resolve("pramaan").resolve(Certificates.pdfKey(CertificateId.of(certificateId)));
    }

    @Test
    void theIssuedPdfIsInTheStoreTheRowKeepsItsHashAndTheEndpointServesIt() throws Exception {
        String id = issue("9123450001");

        Map<String, Object> row = jdbc.sql("SELECT pdf IS NULL AS empty, pdf_key, pdf_sha256, pdf_size"
                + " FROM issuer.certificate WHERE id = ?").param(id).query().singleRow();
        assertThat(row.get("empty")).as("no PDF bytes in the database").isEqualTo(true);
        assertThat(row.get("pdf_key")).isEqualTo("certificates/REV/" + id + ".pdf");
        byte[] onDisk = Files.readAllBytes(objectFile(id));
        assertThat((byte[]) row.get("pdf_sha256")).isEqualTo(MessageDigest.getInstance("SHA-256").digest(onDisk));
        assertThat(((Number) row.get("pdf_size")).intValue()).isEqualTo(onDisk.length);

        Answer pdf = pdfWhenReady(departmentSystem("REV"), id);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.bytes()).isEqualTo(onDisk);
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aPdfChangedInTheStoreIsNeverServed() throws IOException {
        String id = issue("9123450002");
        Path file = objectFile(id);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        Answer pdf = pdfWhenReady(departmentSystem("REV"), id);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(500);
        assertThat(pdf.contentType()).isEqualTo("application/problem+json");
        assertThat(pdf.json().get("code").asString()).isEqualTo("stored-object-corrupt");
        assertThat(pdf.body()).doesNotContain("%PDF");
    }

    @Test
    void aStoreThatIsDownDelaysThePdfNotTheApprovalAndTheRetryRendersOnce() {
        Answer submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", "+91 91234 50003", "fields", INCOME, "channelReference", "store-" + UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String applicationId = submitted.json().get("id").asString();

        store.proxy().stop();
        String certificateId;
        try {
            Answer approved = officer("REV").post("/api/v1/applications/" + applicationId + "/approve", Map.of());
            assertThat(approved.status()).as("the approval needs no store: " + approved.body()).isEqualTo(200);
            certificateId = approved.json().get("certificateId").asString();
            // The rendering worker renders, fails to put, and keeps the row with a backoff.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT attempts FROM issuer.render_outbox WHERE certificate_id = ?").param(certificateId)
                    .query(Integer.class).optional().orElse(0) >= 1);
            Answer pending = departmentSystem("REV").get("/api/v1/certificates/" + certificateId + "/pdf");
            assertThat(pending.status()).as(pending.body()).isEqualTo(409);
            assertThat(pending.json().get("code").asString()).isEqualTo("pdf-pending");
            assertThat(pending.header("Retry-After")).isNotBlank();
            assertThat(jdbc.sql("SELECT last_error FROM issuer.render_outbox WHERE certificate_id = ?")
                    .param(certificateId).query(String.class).single()).isNotBlank();
        } finally {
            store.proxy().start();
        }
        Answer pdf = pdfWhenReady(departmentSystem("REV"), certificateId);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.render_outbox WHERE certificate_id = ?").param(certificateId)
                .query(Long.class).single()).as("the row is settled").isZero();
        // Rendered once: one ISSUED notice for it, however many attempts the put took.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM issuer.delivery_outbox WHERE certificate_id = ? AND type = 'ISSUED'")
                .param(certificateId).query(Long.class).single() == 1);
    }

    @Test
    void pdfsStillInTheDatabaseAreServedThenMovedAndTheDatabaseShrinks() throws IOException {
        for (int i = 0; i < 12; i++) {
            issue("91234501" + String.format("%02d", i));
        }
        // Every certificate as a row from before the object store: its PDF in the pdf column, no object reference.
        // A tampered object of another test is left alone (it cannot be read back to move).
        List<String> ids = jdbc.sql("SELECT id FROM issuer.certificate WHERE pdf_key IS NOT NULL ORDER BY id")
                .query(String.class).list();
        Map<String, byte[]> pdfs = new java.util.HashMap<>();
        for (String id : ids) {
            try {
                pdfs.put(id, certificates.pdf(id).orElseThrow());
            } catch (org.pramaan.service.storage.StoredObjectCorruptException tampered) {
                continue;
            }
            jdbc.sql("UPDATE issuer.certificate SET pdf = ?, pdf_key = NULL, pdf_sha256 = NULL, pdf_size = NULL"
                    + " WHERE id = ?").params(pdfs.get(id), id).update();
        }
        assertThat(pdfs).hasSizeGreaterThanOrEqualTo(12);
        String gone = pdfs.keySet().iterator().next();
        Files.delete(objectFile(gone));
        long before = bytesPerCertificate();

        assertThat(departmentSystem("REV").get("/api/v1/certificates/" + gone + "/pdf").bytes())
                .as("a row not moved yet is served from its column").isEqualTo(pdfs.get(gone));

        assertThat(mover.moveAll()).isEqualTo(pdfs.size());
        assertThat(mover.moveAll()).as("a second run finds nothing to move").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE pdf IS NOT NULL").query(Long.class).single())
                .isZero();
        for (Map.Entry<String, byte[]> pdf : pdfs.entrySet()) {
            assertThat(certificates.pdf(pdf.getKey()).orElseThrow()).isEqualTo(pdf.getValue());
        }
        assertThat(Files.readAllBytes(objectFile(gone))).isEqualTo(pdfs.get(gone));
        long after = bytesPerCertificate();

        LOG.info(String.format(java.util.Locale.ROOT, "database bytes per certificate (pg_total_relation_size / rows"
                + " over %,d copies of the %d certificates issued here, after VACUUM FULL): PDFs in the database (before)"
                + " %,d; PDFs in the object store (after) %,d; after/before %.3f", MEASURED, count("issuer.certificate"),
                before, after, (double) after / before));
        assertThat(after).as("at most 5 KB per certificate in the database").isLessThanOrEqualTo(5 * 1024);
        assertThat(before).isGreaterThan(after);
    }

    /**
     * Bytes per certificate as the database stores it now: its certificates copied (new ids) into a table made like
     * issuer.certificate (columns, TOAST, constraints, indexes) until it holds {@link #MEASURED} rows, so that the
     * tables' fixed pages do not count; pg_total_relation_size / rows. A copy of real rows, away from the table the
     * other tests and the audit read.
     */
    private long bytesPerCertificate() {
        jdbc.sql("DROP TABLE IF EXISTS issuer.pdf_measure").update();
        jdbc.sql("CREATE TABLE issuer.pdf_measure (LIKE issuer.certificate INCLUDING ALL)").update();
        try {
            long rows = count("issuer.certificate");
            jdbc.sql("INSERT INTO issuer.pdf_measure SELECT (jsonb_populate_record(c, jsonb_build_object('id',"
                            + " c.id || '-' || g))).* FROM issuer.certificate c, generate_series(1, ?) g")
                    .param((int) ((MEASURED + rows - 1) / rows)).update();
            jdbc.sql("VACUUM FULL issuer.pdf_measure").update();
            return jdbc.sql("SELECT pg_total_relation_size('issuer.pdf_measure') / count(*) FROM issuer.pdf_measure")
                    .query(Long.class).single();
        } finally {
            jdbc.sql("DROP TABLE issuer.pdf_measure").update();
        }
    }

    private static final long MEASURED = 2_000;

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
