package org.pramaan.bridge.webhook;

import org.pramaan.bridge.pace.IngestPressure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.service.work.Lease;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's leases against the bridge's real PostgreSQL: two workers (as two bridge processes would) share the
 * work with each event applied once and each citizen's events in order, and events claimed by an owner that died
 * are taken over once its lease ends. The context's own worker is paused meanwhile so the count is this test's.
 */
class InboxLeasesTest extends BridgeIntegrationTest {

    @Autowired
    Inbox inbox;
    @Autowired
    InboxWorker contextWorker;
    @Autowired
    InboundHandler realHandler;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    IngestPressure pressure;
    @Autowired
    Clock clock;

    private final String run = "lease" + UUID.randomUUID().toString().substring(0, 8);
    private final List<InboxWorker> workers = new ArrayList<>();

    @BeforeEach
    void pauseTheContextsWorker() {
        contextWorker.stop();
        jdbc.execute("CREATE TABLE IF NOT EXISTS test_turn (n bigserial PRIMARY KEY, event_key text NOT NULL, "
                + "citizen_id text, worker text NOT NULL)");
    }

    @AfterEach
    void resume() {
        workers.forEach(InboxWorker::stop);
        contextWorker.start();
    }

    /**
     * A handler that records each applied event in test_turn inside the settling transaction, so a row there is an
     * event applied (a rolled back settle leaves none), and waits a little in prepare as a remote call would.
     * Events of other tests go to the real handler.
     */
    private InboundHandler recorder(String worker, AtomicInteger inFlight, AtomicInteger mostInFlight,
            Set<String> poison) {
        return event -> {
            if (event.citizenId() == null || !event.citizenId().startsWith(run)) {
                return realHandler.prepare(event);
            }
            if (poison.contains(event.key())) {
                throw new IllegalStateException("poison " + event.key());
            }
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return () -> {
                jdbc.update("INSERT INTO test_turn (event_key, citizen_id, worker) VALUES (?, ?, ?)", event.key(),
                        event.citizenId(), worker);
                return "RECORDED";
            };
        };
    }

    private InboxWorker worker(InboundHandler handler, int threads, Duration lease) {
        InboxWorker worker = new InboxWorker(inbox, handler, transactions, meters, pressure, clock,
                new InboxProperties(true, threads, lease, 5));
        workers.add(worker);
        return worker;
    }

    /** {@code perCitizen} events for each of {@code citizens} citizens, stored interleaved, oldest first. */
    private List<InboxEvent> store(String prefix, int citizens, int perCitizen) {
        Instant base = Instant.now().minusSeconds(3600);
        List<InboxEvent> events = new ArrayList<>();
        for (int j = 0; j < perCitizen; j++) {
            for (int c = 0; c < citizens; c++) {
                // Every other event shares its predecessor's second: the sequence number breaks the tie.
                events.add(new InboxEvent(prefix + "-" + c + "-" + j, InboxEvent.Kind.MESSAGE, prefix + "-" + c,
                        base.plusSeconds(j / 2), "{}"));
            }
        }
        for (int from = 0; from < events.size(); from += 500) {
            inbox.store(events.subList(from, Math.min(from + 500, events.size())));
        }
        return events;
    }

    private int pending(String prefix) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE citizen_id LIKE ? AND processed_at IS NULL",
                Integer.class, prefix + "-%");
    }

    /** Each citizen's applied events in the order they were applied. */
    private Map<String, List<String>> appliedByCitizen(String prefix) {
        Map<String, List<String>> applied = new ConcurrentHashMap<>();
        jdbc.query("SELECT citizen_id, event_key FROM test_turn WHERE citizen_id LIKE ? ORDER BY n", rs -> {
            applied.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, prefix + "-%");
        return applied;
    }

    private static List<String> expectedOrder(String citizen, int perCitizen) {
        List<String> keys = new ArrayList<>();
        for (int j = 0; j < perCitizen; j++) {
            keys.add(citizen + "-" + j);
        }
        return keys;
    }

    @Test
    void twoWorkersShareThousandsOfEventsEachAppliedOnceEachCitizenInOrder() {
        String prefix = run + "a";
        int citizens = 300;
        int perCitizen = 10;
        store(prefix, citizens, perCitizen);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        worker(recorder("A", inFlight, mostInFlight, Set.of()), 4, Duration.ofSeconds(30)).start();
        worker(recorder("B", inFlight, mostInFlight, Set.of()), 4, Duration.ofSeconds(30)).start();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> pending(prefix) == 0);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM test_turn WHERE citizen_id LIKE ?", Integer.class,
                prefix + "-%")).as("applied events").isEqualTo(citizens * perCitizen);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_key) FROM test_turn WHERE citizen_id LIKE ?",
                Integer.class, prefix + "-%")).as("distinct applied events").isEqualTo(citizens * perCitizen);
        Map<String, List<String>> applied = appliedByCitizen(prefix);
        assertThat(applied).hasSize(citizens);
        applied.forEach((citizen, keys) -> assertThat(keys).as("order of " + citizen)
                .containsExactlyElementsOf(expectedOrder(citizen, perCitizen)));
        assertThat(jdbc.queryForList("SELECT DISTINCT worker FROM test_turn WHERE citizen_id LIKE ?", String.class,
                prefix + "-%")).as("both workers took part").containsExactlyInAnyOrder("A", "B");
        assertThat(mostInFlight.get()).as("citizens worked in parallel").isGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE citizen_id LIKE ? AND outcome <> 'RECORDED'",
                Integer.class, prefix + "-%")).isZero();
    }

    @Test
    void eventsOfAnOwnerThatNeverSettlesAreTakenOverAfterItsLeaseAndAppliedOnce() {
        String prefix = run + "c";
        store(prefix, 10, 4);
        // A "killed" process: it claimed the first event of five citizens and will never settle them.
        Lease killed = new Lease("killed-process", Instant.now().plusSeconds(4));
        List<Inbox.Claimed> taken = inbox.claim(killed, Instant.now(), 5);
        assertThat(taken).hasSize(5).allMatch(c -> c.event().key().endsWith("-0"));
        Set<String> blocked = ConcurrentHashMap.newKeySet();
        taken.forEach(c -> blocked.add(c.event().citizenId()));

        worker(recorder("live", new AtomicInteger(), new AtomicInteger(), Set.of()), 4, Duration.ofSeconds(30)).start();
        // The other five citizens are served at once; the killed owner's citizens wait, in order, for its lease.
        await().atMost(Duration.ofSeconds(20)).until(() -> appliedByCitizen(prefix).size() == 5);
        assertThat(appliedByCitizen(prefix).keySet()).doesNotContainAnyElementsOf(blocked);
        assertThat(Instant.now()).as("the free citizens were served before the lease ended").isBefore(killed.until());

        await().atMost(Duration.ofSeconds(30)).until(() -> pending(prefix) == 0);
        Map<String, List<String>> applied = appliedByCitizen(prefix);
        assertThat(applied).hasSize(10);
        applied.forEach((citizen, keys) -> assertThat(keys).containsExactlyElementsOf(expectedOrder(citizen, 4)));
        for (Inbox.Claimed c : taken) {
            assertThat(jdbc.queryForObject("SELECT attempts FROM inbox WHERE seq = ?", Integer.class, c.seq()))
                    .as("claimed by the killed owner, then by the live worker").isEqualTo(2);
            // The killed owner wakes up late: it holds nothing, so it can apply nothing.
            Boolean holds = transactions.execute(tx -> inbox.holds(c.seq(), killed));
            assertThat(holds).isFalse();
        }
    }

    @Test
    void aPoisonEventIsMarkedFailedAndItsCitizensLaterEventsGoOn() {
        String prefix = run + "p";
        store(prefix, 2, 3);
        String poison = prefix + "-0-1";
        worker(recorder("live", new AtomicInteger(), new AtomicInteger(), Set.of(poison)), 2, Duration.ofSeconds(30))
                .start();
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(prefix) == 0);
        assertThat(jdbc.queryForObject("SELECT outcome FROM inbox WHERE event_key = ?", String.class, poison))
                .startsWith("FAILED");
        assertThat(appliedByCitizen(prefix).get(prefix + "-0")).containsExactly(prefix + "-0-0", prefix + "-0-2");
    }

    @Test
    void anEventClaimedMoreOftenThanAllowedIsMarkedFailedWithoutBeingWorked() {
        String prefix = run + "m";
        store(prefix, 1, 2);
        String first = prefix + "-0-0";
        // Five owners before this one took it and died mid-way (it brought each of them down).
        jdbc.update("UPDATE inbox SET attempts = 5 WHERE event_key = ?", first);
        worker(recorder("live", new AtomicInteger(), new AtomicInteger(), Set.of()), 1, Duration.ofSeconds(30)).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(prefix) == 0);
        assertThat(jdbc.queryForObject("SELECT outcome FROM inbox WHERE event_key = ?", String.class, first))
                .startsWith("FAILED: not settled after 5 claims");
        assertThat(appliedByCitizen(prefix).get(prefix + "-0")).containsExactly(prefix + "-0-1");
    }
}
