package org.pramaan.issuer.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.issuer.work.IssuerWorkers;
import org.pramaan.service.work.Lease;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rendering worker works a claimed batch as one: each PDF rendered and sealed, its put in flight while the next
 * renders, and the batch settled in one transaction (one settling instant for all its certificates). What must not
 * change with that: a certificate that fails is retried alone and holds back none of the others, and a row whose
 * lease another worker took over is left to that worker.
 */
class RenderingBatchTest extends IntegrationTest {

    @Autowired
    IssuerWorkers contextWorkers;

    @Autowired
    RenderingWorker rendering;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @AfterEach
    void contextWorkersBack() {
        contextWorkers.start();
    }

    @Test
    void aBatchIsSettledInOneTransactionAndAFailedRenderingHoldsBackNoneOfTheOthers() throws Exception {
        contextWorkers.stop();
        List<String> ids = issue(5, "Batch");
        String broken = ids.get(2);
        // A key this issuer never had: the seal cannot be made for this one certificate.
        jdbc.sql("UPDATE issuer.certificate SET kid = '00000000000000ff' WHERE id = ?").param(broken).update();

        Lease lease = new Lease("rendering-test@1/batch", clock.instant().plusSeconds(120));
        RenderingWorker.Batch batch = claimAll(lease, ids);
        rendering.work(batch, lease);

        List<String> rendered = ids.stream().filter(id -> !id.equals(broken)).toList();
        Map<String, Timestamp> ready = readyAt(ids);
        assertThat(ready.get(broken)).as("the certificate whose seal failed has no PDF").isNull();
        assertThat(rendered).allSatisfy(id -> assertThat(ready.get(id)).as("PDF of %s recorded", id).isNotNull());
        assertThat(rendered.stream().map(ready::get).distinct().toList())
                .as("the batch's PDFs recorded in one settling transaction").hasSize(1);
        assertThat(queued(rendered)).as("the rendered certificates left the queue").isZero();
        Map<String, Object> retry = jdbc.sql("SELECT attempts, lease_owner, last_error FROM issuer.render_outbox"
                + " WHERE certificate_id = ?").param(broken).query().singleRow();
        assertThat(retry.get("attempts")).as("the failed one is retried alone, later").isEqualTo(1);
        assertThat(retry.get("lease_owner")).isNull();
        assertThat(retry.get("last_error")).isNotNull();
        for (String id : rendered) {
            Answer pdf = departmentSystem("REV").get("/api/v1/certificates/" + id + "/pdf");
            assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
            assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }
    }

    @Test
    void aRowTakenOverByAnotherWorkerIsLeftToItAndTheRestOfTheBatchIsSettled() throws Exception {
        contextWorkers.stop();
        List<String> ids = issue(3, "Takeover");
        Lease lease = new Lease("rendering-test@1/slow", clock.instant().plusSeconds(120));
        RenderingWorker.Batch batch = claimAll(lease, ids);
        // While this worker rendered, its lease on one row ran out and another worker claimed that row.
        String takenOver = ids.get(0);
        jdbc.sql("UPDATE issuer.render_outbox SET lease_owner = 'rendering-test@2/other' WHERE certificate_id = ?")
                .param(takenOver).update();

        rendering.work(batch, lease);

        Map<String, Timestamp> ready = readyAt(ids);
        assertThat(ready.get(takenOver)).as("left for the worker that holds it now").isNull();
        assertThat(jdbc.sql("SELECT lease_owner FROM issuer.render_outbox WHERE certificate_id = ?").param(takenOver)
                .query(String.class).single()).isEqualTo("rendering-test@2/other");
        assertThat(ids.subList(1, 3)).allSatisfy(id -> assertThat(ready.get(id)).isNotNull());
        assertThat(queued(ids.subList(1, 3))).isZero();
    }

    private RenderingWorker.Batch claimAll(Lease lease, List<String> ids) {
        List<RenderingWorker.Batch> claimed = rendering.claim(lease, 100);
        assertThat(claimed).as("one batch").hasSize(1);
        List<RenderQueue.Waiting> mine = claimed.get(0).certificates().stream()
                .filter(w -> ids.contains(w.certificateId())).toList();
        assertThat(mine).extracting(RenderQueue.Waiting::certificateId).containsExactlyInAnyOrderElementsOf(ids);
        return new RenderingWorker.Batch(mine);
    }

    private List<String> issue(int count, String name) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Answer answer = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                    "language", "en", "phoneNumber", "919876543210", "fields",
                    Map.of("nm", name + " " + (char) ('A' + i) + " Person", "ai", "50000", "ah", "2341 2341 2346",
                            "pc", "530001")));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            ids.add(answer.json().get("id").asString());
        }
        return ids;
    }

    private Map<String, Timestamp> readyAt(List<String> ids) {
        Map<String, Timestamp> ready = new java.util.HashMap<>();
        jdbc.sql("SELECT id, pdf_ready_at FROM issuer.certificate WHERE id = ANY (?)")
                .param((Object) ids.toArray(String[]::new))
                .query(rs -> {
                    ready.put(rs.getString(1), rs.getTimestamp(2));
                });
        return ready;
    }

    private long queued(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM issuer.render_outbox WHERE certificate_id = ANY (?)")
                .param((Object) ids.toArray(String[]::new)).query(Long.class).single();
    }
}
