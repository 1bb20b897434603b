package org.pramaan.issuer.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.anchoring.AnchoringWorker;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.delivery.DeliveryWorker;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.pramaan.service.work.WorkerLoop;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The issuer's queues shared by several workers through leases, against the real PostgreSQL, the development
 * peer and a bridge stand-in on loopback: nothing is anchored or sent twice, a dead worker's claim is taken over
 * when its lease ends, and a hanging bridge holds no row lock and does not stop anchoring.
 */
class WorkerLeasesTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IssuerWorkers contextWorkers;

    @Autowired
    AnchoringWorker anchoring;

    @Autowired
    DeliveryWorker delivery;

    /** The citizen is told once a certificate is anchored and its PDF made: the PDFs are rendered meanwhile. */
    @Autowired
    org.pramaan.issuer.rendering.RenderingWorker rendering;

    @Autowired
    LedgerConnections realLedgers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    private final List<LeasedWorker<?>> testWorkers = new ArrayList<>();

    @BeforeEach
    void ledgerUp() {
        ledgers.available(true);
    }

    @AfterEach
    void contextWorkersBack() {
        testWorkers.forEach(LeasedWorker::stop);
        BRIDGE.hangFor(Duration.ZERO);
        contextWorkers.start();
    }

    @Test
    void twoWorkersPerQueueAnchorAndDeliverEachCertificateOnce() throws Exception {
        contextWorkers.stop();
        List<String> ids = issueMany(200);
        startRendering();
        Map<String, AtomicInteger> anchoredBy = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> deliveredBy = new ConcurrentHashMap<>();
        for (String name : List.of("anchor-a", "anchor-b")) {
            start(new LeasedWorker<AnchoringWorker.Batch>(name, anchoring, (batch, lease) -> {
                anchoredBy.computeIfAbsent(name, n -> new AtomicInteger()).addAndGet(batch.certificates().size());
                anchoring.work(batch, lease);
            }, settings(10), clock, WorkerLoop.Pace.NONE));
        }
        for (String name : List.of("deliver-a", "deliver-b")) {
            start(new LeasedWorker<DeliveryOutbox.Pending>(name, delivery, (row, lease) -> {
                deliveredBy.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                delivery.work(row, lease);
            }, settings(5), clock, WorkerLoop.Pace.NONE));
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> anchoredCount(ids) == ids.size());
        await().atMost(Duration.ofMinutes(2)).until(() -> deliveredCount(ids) == ids.size());

        assertThat(anchoredBy).as("both anchoring workers took batches").containsOnlyKeys("anchor-a", "anchor-b");
        assertThat(anchoredBy.values().stream().mapToInt(AtomicInteger::get).sum())
                .as("each certificate claimed once").isEqualTo(ids.size());
        assertThat(deliveredBy).as("both delivery workers sent notices").containsKeys("deliver-a", "deliver-b");
        for (String id : ids) {
            assertThat(realLedgers.forDepartment(DepartmentCode.of("REV")).history(id).history())
                    .as("one ledger write for %s", id).hasSize(1);
        }
        assertSentOncePerDeliveryId(ids);
    }

    @Test
    void aDeadWorkersClaimIsTakenOverWhenItsLeaseEndsAndItsLateSettleChangesNothing() {
        contextWorkers.stop();
        List<String> ids = issueMany(5);
        startRendering();
        // A worker that claimed the batch and died (kill -9): its rows carry its lease and nobody settles them.
        Lease dead = new Lease("anchoring-1@999999/deadbeef", clock.instant().plusSeconds(3));
        List<AnchoringWorker.Batch> claimed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            claimed.addAll(anchoring.claim(dead, 10));
            return claimed.stream().mapToLong(b -> b.certificates().size()).sum() >= ids.size();
        });
        assertThat(claimed.stream().flatMap(b -> b.certificates().stream()).map(w -> w.certificateId()))
                .containsAll(ids);

        Lease taker = new Lease("anchoring-1@999998/cafebabe", clock.instant().plusSeconds(120));
        List<AnchoringWorker.Batch> taken = new ArrayList<>(anchoring.claim(taker, 10));
        assertThat(taken.stream().flatMap(b -> b.certificates().stream()).map(w -> w.certificateId()))
                .as("nobody takes rows under a live lease").doesNotContainAnyElementsOf(ids);
        await().atMost(Duration.ofSeconds(10)).until(() -> clock.instant().isAfter(dead.until()));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            taken.addAll(anchoring.claim(taker, 10));
            return taken.stream().flatMap(b -> b.certificates().stream()).map(w -> w.certificateId()).toList()
                    .containsAll(ids);
        });

        // The dead worker was only hanging: it finishes its ledger call after its lease and tries to settle.
        claimed.forEach(batch -> anchoring.work(batch, dead));
        assertThat(anchoredCount(ids)).as("a settle under a lost lease changes nothing").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.anchor_outbox WHERE lease_owner = ? AND certificate_id = ANY (?)")
                .params(taker.owner(), ids.toArray(String[]::new)).query(Long.class).single()).isEqualTo(ids.size());

        taken.forEach(batch -> anchoring.work(batch, taker));
        assertThat(anchoredCount(ids)).isEqualTo(ids.size());
        for (String id : ids) {
            assertThat(realLedgers.forDepartment(DepartmentCode.of("REV")).history(id).history()).hasSize(1);
        }

        // The same for notices: a dead delivery worker's claim is sent by another once its lease ends.
        Lease deadSender = new Lease("delivery-1@999999/deadbeef", clock.instant().plusSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            delivery.claim(deadSender, 100);
            return leasedBy(ids, deadSender.owner()) == ids.size();
        });
        start(new LeasedWorker<>("deliver-live", delivery, delivery, settings(5), clock, WorkerLoop.Pace.NONE));
        // While the dead worker's lease runs, nothing of its claim is sent.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> deliveredCount(ids) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredCount(ids) == ids.size());
        assertSentOncePerDeliveryId(ids);
    }

    @Test
    void aHangingBridgeHoldsNoRowLockAndAnchoringGoesOn() {
        BRIDGE.hangFor(Duration.ofSeconds(10));
        List<String> first = issueMany(1);
        await().atMost(Duration.ofSeconds(8)).until(() -> !BRIDGE.hanging().isEmpty());
        String deliveryId = JSON.readTree(BRIDGE.hanging().get(0)).get("deliveryId").asString();

        // The worker is inside its call to the bridge: the row is claimed (leased) but not locked.
        List<String> owners = transactions.execute(status -> jdbc.sql("SELECT lease_owner FROM issuer.delivery_outbox"
                        + " WHERE delivery_id = ?::uuid AND delivered_at IS NULL FOR UPDATE NOWAIT")
                .param(deliveryId).query(String.class).list());
        assertThat(owners).hasSize(1);
        assertThat(owners.get(0)).as("claimed by the delivery worker").startsWith("delivery-");

        String meanwhile = issueMany(1).get(0);
        await().atMost(Duration.ofSeconds(8)).until(() -> anchoredCount(List.of(meanwhile)) == 1);
        assertThat(BRIDGE.hanging()).as("anchored while the bridge still hangs").isNotEmpty();

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveredCount(List.of(first.get(0), meanwhile)) == 2);
    }

    private void startRendering() {
        for (String name : List.of("render-a", "render-b")) {
            start(new LeasedWorker<>(name, rendering, rendering, settings(10), clock, WorkerLoop.Pace.NONE));
        }
    }

    private void start(LeasedWorker<?> worker) {
        testWorkers.add(worker);
        worker.start();
    }

    private static LeasedWorker.Settings settings(int batch) {
        return new LeasedWorker.Settings(1, batch, Duration.ofMinutes(2), Duration.ofMillis(50));
    }

    private void assertSentOncePerDeliveryId(List<String> ids) {
        Map<String, List<JsonNode>> byDeliveryId = BRIDGE.received().stream().filter(r -> r.answeredWith() == 202)
                .map(r -> JSON.readTree(r.body()))
                .filter(n -> "ISSUED".equals(n.get("type").asString()) && ids.contains(n.get("certificateId").asString()))
                .collect(Collectors.groupingBy(n -> n.get("deliveryId").asString()));
        assertThat(byDeliveryId).as("one notice per certificate").hasSize(ids.size());
        assertThat(byDeliveryId.values()).as("each sent once").allMatch(sent -> sent.size() == 1);
        assertThat(byDeliveryId.values().stream().map(sent -> sent.get(0).get("certificateId").asString()))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    private List<String> issueMany(int count) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> issued = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = "Lease " + letters(i) + " Person";
                issued.add(pool.submit(() -> issue(name)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : issued) {
                ids.add(f.get());
            }
            return Collections.unmodifiableList(ids);
        } catch (Exception e) {
            throw new AssertionError("issuing failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String letters(int i) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + "x";
    }

    private String issue(String name) {
        var answer = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", "919876543210", "fields",
                Map.of("nm", name, "ai", "50000", "ah", "2341 2341 2346", "pc", "530001")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private long anchoredCount(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE transaction_id IS NOT NULL AND id = ANY (?)")
                .param(ids.toArray(String[]::new)).query(Long.class).single();
    }

    private long deliveredCount(List<String> ids) {
        return jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE type = 'ISSUED' AND delivered_at IS NOT NULL"
                        + " AND certificate_id = ANY (?)")
                .param(ids.toArray(String[]::new)).query(Long.class).single();
    }

    private long leasedBy(List<String> ids, String owner) {
        return jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE type = 'ISSUED' AND lease_owner = ?"
                        + " AND certificate_id = ANY (?)")
                .params(owner, ids.toArray(String[]::new)).query(Long.class).single();
    }

    private Map<String, String> transactionIds(List<String> ids) {
        return jdbc.sql("SELECT id, transaction_id FROM issuer.certificate WHERE id = ANY (?)")
                .param(ids.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
