package org.pramaan.issuer.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.KeyId;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.storage.StorageAutoConfiguration.EmbeddedStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Approving before the PDF exists (issue 19): the approval signs the credential and stores the certificate with its
 * anchoring and rendering rows, and answers; the rendering worker makes the PDF afterwards, sealed by the key that
 * signed the credential, and only then is the citizen told. The object store is stopped to hold the worker back
 * (it renders, cannot put, and retries), so "before the PDF" is a state the test controls, not a race it hopes to win.
 */
class ApprovalBeforePdfTest extends IntegrationTest {

    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final Map<String, String> INCOME = Map.of("nm", "Kondapalli Ramesh", "ai", "96000",
            "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedStore store;

    @Autowired
    MeterRegistry meters;

    private static String nextPhone() {
        return "+91 93456 " + String.format("%05d", PHONES.incrementAndGet());
    }

    private String submitted() {
        Answer submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", nextPhone(), "fields", INCOME, "channelReference", "render-" + UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json().get("id").asString();
    }

    private int attempts(String certificateId) {
        return jdbc.sql("SELECT attempts FROM issuer.render_outbox WHERE certificate_id = ?").param(certificateId)
                .query(Integer.class).optional().orElse(0);
    }

    private long notices(String certificateId, String type) {
        return jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE certificate_id = ? AND type = ?")
                .params(certificateId, type).query(Long.class).single();
    }

    private boolean anchored(String certificateId) {
        return jdbc.sql("SELECT transaction_id IS NOT NULL FROM issuer.certificate WHERE id = ?").param(certificateId)
                .query(Boolean.class).single();
    }

    @Test
    void theApprovalAnswersBeforeThePdfWhichIsSealedWithTheCredentialsKeyAndAnnouncedOnce() throws Exception {
        String applicationId = submitted();
        double renderedBefore = meters.counter("pramaan.rendering.rendered").count();
        String certificateId;
        store.proxy().stop();
        try {
            Answer approved = officer("REV").post("/api/v1/applications/" + applicationId + "/approve", Map.of());
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            certificateId = approved.json().get("certificateId").asString();

            // The certificate exists and goes to the ledger; its PDF does not yet.
            Answer certificate = departmentSystem("REV").get("/api/v1/certificates/" + certificateId);
            assertThat(certificate.status()).as(certificate.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(certificateId) >= 1 && anchored(certificateId));
            Answer pending = departmentSystem("REV").get("/api/v1/certificates/" + certificateId + "/pdf");
            assertThat(pending.status()).as(pending.body()).isEqualTo(409);
            assertThat(pending.contentType()).isEqualTo("application/problem+json");
            assertThat(pending.json().get("code").asString()).isEqualTo("pdf-pending");
            assertThat(Integer.parseInt(pending.header("Retry-After"))).isPositive();
            assertThat(pdfReadyAt(certificateId)).isNull();
            // Anchored, but no PDF: nobody is told yet.
            assertThat(notices(certificateId, "ISSUED")).as("no notice before the PDF exists").isZero();
            assertThat(meters.get("pramaan.rendering.queue.depth").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("pramaan.rendering.queue.oldest.age").gauge().value()).isGreaterThan(0);
            assertThat(meters.get("pramaan.rendering.failures").tag("reason", "store_unavailable").counter().count())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            store.proxy().start();
        }

        Answer pdf = pdfWhenReady(departmentSystem("REV"), certificateId);
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
        assertThat(pdfReadyAt(certificateId)).isNotNull();
        String kid = jdbc.sql("SELECT kid FROM issuer.certificate WHERE id = ?").param(certificateId)
                .query(String.class).single();
        assertThat(sealKid(pdf.bytes())).as("sealed with the key that signed the credential").isEqualTo(kid);
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(certificateId, "ISSUED") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(certificateId).stream()
                .anyMatch(r -> r.body().contains("\"ISSUED\"")));
        assertThat(notices(certificateId, "ISSUED")).as("exactly one ISSUED notice").isEqualTo(1);
        assertThat(meters.counter("pramaan.rendering.rendered").count()).isGreaterThan(renderedBefore);
    }

    @Test
    void aCertificateRevokedBeforeItsPdfIsNeverAnnouncedAsReady() {
        String applicationId = submitted();
        String certificateId;
        store.proxy().stop();
        try {
            Answer approved = officer("REV").post("/api/v1/applications/" + applicationId + "/approve", Map.of());
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            certificateId = approved.json().get("certificateId").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(certificateId) >= 1);
            Answer revoked = officer("REV").post("/api/v1/certificates/" + certificateId + "/revoke",
                    Map.of("code", "ISSUED_IN_ERROR", "reason", "Wrong income figure entered"));
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        } finally {
            store.proxy().start();
        }
        // The PDF is still made (the department sees what it revoked), anchoring and the revocation reach the
        // ledger, and the citizen hears of the revocation only.
        assertThat(pdfWhenReady(departmentSystem("REV"), certificateId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(certificateId, "REVOKED") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchored(certificateId));
        assertThat(notices(certificateId, "ISSUED")).as("no 'certificate ready' for a revoked one").isZero();
    }

    /** PDFs are made on the CPU approvals and anchoring leave: the rendering threads run at the lowest priority. */
    @Test
    void renderingThreadsRunAtTheLowestPriorityAndAnchoringAtNormal() {
        java.util.Map<String, Integer> priorities = new java.util.HashMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> priorities.put(t.getName(), t.getPriority()));
        assertThat(priorities).containsEntry("rendering-1", Thread.MIN_PRIORITY)
                .containsEntry("anchoring-1", Thread.NORM_PRIORITY);
    }

    @Test
    void aDepartmentSystemsIssueAnswersWithoutItsPdfToo() {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", nextPhone(), "fields", INCOME));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.render_outbox WHERE certificate_id = ?").param(id)
                .query(Long.class).single() + (pdfReadyAt(id) == null ? 0 : 1))
                .as("queued for rendering, or already rendered").isEqualTo(1);
        assertThat(pdfWhenReady(departmentSystem("REV"), id).status()).isEqualTo(200);
    }

    private java.sql.Timestamp pdfReadyAt(String certificateId) {
        return jdbc.sql("SELECT pdf_ready_at FROM issuer.certificate WHERE id = ?").param(certificateId)
                .query(java.sql.Timestamp.class).optional().orElse(null);
    }

    /** The kid of the certificate that made the PDF's signature, after checking the signature with it. */
    private static String sealKid(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            // The Contents are the CMS structure and its zero padding: read the one DER object (Bouncy Castle 1.87
            // refuses the padding).
            org.bouncycastle.asn1.ASN1Primitive der;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
                    signature.getContents(pdf))) {
                der = in.readObject();
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    org.bouncycastle.asn1.cms.ContentInfo.getInstance(der));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            return KeyId.of(certificate).hex();
        }
    }
}
