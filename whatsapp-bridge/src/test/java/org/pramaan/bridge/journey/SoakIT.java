package org.pramaan.bridge.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12's soak: the three services as separate processes (the {@link Platform} of the journey) under a bounded,
 * paced mix of valid and hostile traffic on loopback, stopping by itself. The services' vitals are taken after a
 * short warm-up of the same mix (the JIT, the pools and the caches filled) and again once the soak's work has
 * drained, each after a full GC; then:
 *
 * <ul>
 *   <li>heap after GC at most 16 MiB over the start, RSS at most 64 MiB over it (a few kilobytes kept per
 *       request would be tens of megabytes over the soak's thousands);</li>
 *   <li>live threads at most 8 over the start (a thread kept per request would be hundreds);</li>
 *   <li>no Hikari connection checked out, and no more PostgreSQL client connections than at the start;</li>
 *   <li>every webhook message acknowledged with 200 stored and processed exactly once (one inbox row, one read
 *       receipt), nothing stored from a refused one; every application acknowledged 201 stored once, every
 *       approval made exactly one certificate, delivered to the citizen exactly once; nothing stored from hostile
 *       input; no answer outside what each kind of request may get, and no 5xx.</li>
 * </ul>
 *
 * The load lasts {@code soak.duration} (150 s by default: CI's budget), at {@code soak.rate} requests a second (20)
 * from 8 workers; requests that find every worker busy are shed and counted rather than queued without bound. A
 * table of requests by kind and answer, and the vitals before and after, goes to standard output.
 */
class SoakIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SoakIT.class);

    private static final Duration LOAD = Duration.parse(System.getProperty("soak.duration", "PT150S"));
    private static final Duration WARM_UP = Duration.parse(System.getProperty("soak.warm-up", "PT20S"));
    private static final int PER_SECOND = Integer.getInteger("soak.rate", 20);
    private static final int WORKERS = 8;
    private static final Duration DRAIN = Duration.ofSeconds(180);
    private static final double HEAP_GROWTH_MB = 16;
    private static final double RSS_GROWTH_MB = 64;
    private static final int THREAD_GROWTH = 8;

    /** An Indian mobile (with or without 91) or a 12-digit Aadhaar number, not part of a longer token. */
    private static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z_-])(?:(?:\\+?91[ -]?)?[6-9][0-9]{4}[ -]?[0-9]{5}|[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4})"
                    + "(?![0-9A-Za-z_-])");

    @TempDir
    Path home;

    @Test
    void mixedValidAndHostileTrafficLeavesNoLeakAndLosesNothing() throws Exception {
        // In the JSON format an operator ships to a log platform: the soak also shows masking holds there.
        Platform.run(home, "soak", Map.of("LOG_FORMAT", "ecs"), platform -> new Soak(platform).run());
    }

    private static final class Soak {

        private final Platform platform;
        private final JdbcTemplate db;
        private final Map<String, String[]> metricsCredentials = new LinkedHashMap<>();

        Soak(Platform platform) {
            this.platform = platform;
            this.db = new JdbcTemplate(platform.dataSource());
        }

        void run() throws Exception {
            Map<String, String> devEnv = platform.devEnv();
            metricsCredentials.put("issuer-service", new String[] {"Authorization",
                    JsonHttp.basic(devEnv.get("ISSUER_ADMIN_USER"), devEnv.get("ISSUER_ADMIN_PASSWORD"))});
            metricsCredentials.put("verifier-app", new String[] {"X-Api-Key", devEnv.get("VERIFIER_ADMIN_KEY")});
            metricsCredentials.put("whatsapp-bridge", new String[] {"Authorization",
                    "Bearer " + platform.secrets.get("BRIDGE_TOKEN")});

            Tally warmUpTally = new Tally();
            SoakTraffic traffic = new SoakTraffic(platform, warmUpTally);
            // Every citizen writes once first, so their 24-hour window is open when their certificate arrives.
            traffic.everyCitizenSaysHello();
            await("the greetings processed").atMost(DRAIN).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("SELECT count(*) FROM bridge.inbox WHERE processed_at IS NULL") == 0);
            fire(traffic, WARM_UP);
            drain(traffic);
            Map<String, Vitals> before = vitals();
            int connectionsBefore = postgresConnections();

            Tally tally = new Tally();
            traffic.countInto(tally);
            long started = System.nanoTime();
            fire(traffic, LOAD);
            Duration loaded = Duration.ofNanos(System.nanoTime() - started);
            drain(traffic);
            Map<String, Vitals> after = vitals();
            int connectionsAfter = postgresConnections();

            LOG.info("{}", summary(loaded, tally, warmUpTally, before, after, connectionsBefore, connectionsAfter,
                    traffic));

            assertThat(tally.unexpected()).as("answers outside what each kind may get").isEmpty();
            assertThat(tally.serverErrors() + warmUpTally.serverErrors()).as("5xx answers").isZero();
            assertThat(tally.total()).as("the soak sent its load").isGreaterThan(LOAD.toSeconds() * PER_SECOND / 2);
            everythingAcknowledgedWasProcessedExactlyOnce(traffic);
            nothingLeaked(before, after, connectionsBefore, connectionsAfter);
            logsHoldNoSecretAndNoPersonalNumber();
        }

        /**
         * The mix, paced: one request every 1/rate s, handed to a bounded pool; the schedule repeats a shuffled
         * list of kinds in these proportions (per 100: 70 valid, 30 hostile).
         */
        private void fire(SoakTraffic t, Duration duration) throws InterruptedException {
            List<Runnable> mix = new ArrayList<>();
            add(mix, 34, t::citizenWrites);
            add(mix, 8, t::bridgeSubmitsApplication);
            add(mix, 8, t::officerApproves);
            add(mix, 14, () -> t.bankVerifies(false));
            add(mix, 3, () -> t.bankVerifies(true));
            add(mix, 3, t::anyoneReadsTheCatalog);
            add(mix, 5, t::webhookWithBadSignature);
            add(mix, 4, t::webhookWithMalformedJson);
            add(mix, 1, () -> t.webhookOversized(false));
            add(mix, 1, () -> t.webhookOversized(true));
            add(mix, 2, t::wrongPassword);
            add(mix, 2, t::issuerMalformedJson);
            add(mix, 2, t::issuerControlCharacter);
            add(mix, 1, t::issuerChunkedOversized);
            add(mix, 3, t::verifierMalformedJson);
            add(mix, 1, t::verifierChunkedOversized);
            add(mix, 3, t::verifierZlibBomb);
            add(mix, 1, t::verifierHugeImage);
            add(mix, 2, t::verifierWrongKey);
            add(mix, 2, t::deliveryWithWrongToken);
            Collections.shuffle(mix, new Random(12));

            long shots = duration.toMillis() * PER_SECOND / 1000;
            ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(WORKERS), new ThreadPoolExecutor.AbortPolicy());
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            AtomicLong fired = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            pace.scheduleAtFixedRate(() -> {
                long n = fired.getAndIncrement();
                if (n >= shots) {
                    done.countDown();
                    return;
                }
                try {
                    workers.execute(mix.get((int) (n % mix.size())));
                } catch (RejectedExecutionException e) {
                    t.shed();
                }
            }, 0, 1_000_000 / PER_SECOND, TimeUnit.MICROSECONDS);
            try {
                assertThat(done.await(duration.toSeconds() * 2 + 30, TimeUnit.SECONDS)).as("the pacer finished")
                        .isTrue();
            } finally {
                pace.shutdownNow();
                workers.shutdown();
            }
            assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).as("the last requests finished").isTrue();
        }

        private static void add(List<Runnable> mix, int weight, Runnable kind) {
            for (int i = 0; i < weight; i++) {
                mix.add(kind);
            }
        }

        /**
         * Waits for the work the traffic caused to finish: the inbox processed, every certificate anchored and its
         * PDF sent to the citizen, the outbox empty, and no service holding a database connection.
         */
        private void drain(SoakTraffic t) {
            await("the soak's work drained").atMost(DRAIN).pollInterval(Duration.ofSeconds(1)).until(() ->
                    count("SELECT count(*) FROM bridge.inbox WHERE processed_at IS NULL") == 0
                            && count("SELECT count(*) FROM issuer.certificate WHERE status = 'ISSUED'") == 0
                            && platform.graph.documentsByFilename().keySet().containsAll(
                                    t.certificates.values().stream().map(id -> id + ".pdf").toList())
                            && count("SELECT count(*) FROM bridge.outbox WHERE state = 'PENDING'") == 0);
            await("no connection checked out").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> services().stream().allMatch(s ->
                            Vitals.activeConnections(s, metricsCredentials.get(s.name())) == 0));
        }

        private Map<String, Vitals> vitals() {
            Map<String, Vitals> vitals = new LinkedHashMap<>();
            for (ServiceProcess service : services()) {
                vitals.put(service.name(), Vitals.of(service, metricsCredentials.get(service.name())));
            }
            return vitals;
        }

        private List<ServiceProcess> services() {
            return List.of(platform.issuer, platform.verifier, platform.bridge);
        }

        private int postgresConnections() {
            return (int) count("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'");
        }

        private void everythingAcknowledgedWasProcessedExactlyOnce(SoakTraffic t) {
            List<String> stored = db.queryForList("SELECT event_key FROM bridge.inbox WHERE event_key LIKE ?",
                    String.class, SoakTraffic.WAMID_PREFIX + "%");
            assertThat(stored).as("every acknowledged webhook message stored").containsAll(t.acknowledgedWamids);
            assertThat(stored).as("no message stored twice").doesNotHaveDuplicates();
            assertThat(count("SELECT count(*) FROM bridge.inbox WHERE outcome LIKE 'FAILED%'")).as("failed").isZero();
            Map<String, Long> receipts = new LinkedHashMap<>();
            db.query("SELECT payload::json->>'message_id', count(*) FROM bridge.outbox WHERE kind = 'read' "
                    + "AND payload LIKE ? GROUP BY 1", rs -> {
                        receipts.put(rs.getString(1), rs.getLong(2));
                    }, "%" + SoakTraffic.WAMID_PREFIX + "%");
            assertThat(receipts.keySet()).as("every acknowledged message processed").containsAll(t.acknowledgedWamids);
            assertThat(receipts).as("messages processed more than once").allSatisfy((id, n) -> assertThat(n).isOne());
            assertThat(count("SELECT count(*) FROM bridge.inbox WHERE event_key LIKE '"
                    + SoakTraffic.HOSTILE_WAMID_PREFIX + "%'")).as("stored from a refused webhook").isZero();

            Map<String, Long> applications = new LinkedHashMap<>();
            db.query("SELECT channel_reference, count(*) FROM issuer.application WHERE channel_reference LIKE ? "
                    + "GROUP BY 1", rs -> {
                        applications.put(rs.getString(1), rs.getLong(2));
                    }, SoakTraffic.REFERENCE_PREFIX + "%");
            assertThat(applications.keySet()).as("every acknowledged application stored")
                    .containsAll(t.submittedReferences);
            assertThat(applications).as("applications stored twice").allSatisfy((r, n) -> assertThat(n).isOne());
            assertThat(count("SELECT count(*) FROM issuer.application WHERE channel_reference LIKE '"
                    + SoakTraffic.HOSTILE_REFERENCE_PREFIX + "%'")).as("stored from refused applications").isZero();

            Map<String, List<String>> issued = new LinkedHashMap<>();
            db.query("SELECT application_id::text, id FROM issuer.certificate", rs -> {
                issued.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            });
            assertThat(issued).as("one certificate per approved application, none for the others")
                    .hasSameSizeAs(t.certificates);
            t.certificates.forEach((application, certificate) -> assertThat(issued.get(application))
                    .as("certificates of application %s", application).containsExactly(certificate));
            Map<String, Long> documents = platform.graph.documentsByFilename();
            t.certificates.values().forEach(id -> assertThat(documents.get(id + ".pdf"))
                    .as("PDFs of %s sent to the citizen", id).isEqualTo(1L));
            assertThat(count("SELECT count(*) FROM bridge.outbox WHERE state = 'FAILED'")).as("failed sends").isZero();
        }

        private void nothingLeaked(Map<String, Vitals> before, Map<String, Vitals> after, int connectionsBefore,
                int connectionsAfter) {
            before.forEach((service, start) -> {
                Vitals end = after.get(service);
                assertThat(end.heapMb()).as("%s heap after GC (MiB), started at %.1f", service, start.heapMb())
                        .isLessThanOrEqualTo(start.heapMb() + HEAP_GROWTH_MB);
                assertThat(end.rssMb()).as("%s RSS (MiB), started at %.1f", service, start.rssMb())
                        .isLessThanOrEqualTo(start.rssMb() + RSS_GROWTH_MB);
                assertThat(end.threads()).as("%s live threads, started at %d", service, start.threads())
                        .isLessThanOrEqualTo(start.threads() + THREAD_GROWTH);
                assertThat(end.activeConnections()).as("%s Hikari connections in use", service).isZero();
            });
            assertThat(connectionsAfter).as("PostgreSQL client connections, %d at the start", connectionsBefore)
                    .isLessThanOrEqualTo(connectionsBefore);
        }

        /** Every service's ECS log, after all that traffic: no secret of dev.env or the run, no full number. */
        private void logsHoldNoSecretAndNoPersonalNumber() throws IOException {
            Map<String, String> secrets = new LinkedHashMap<>(platform.secrets);
            secrets.putAll(platform.devEnv());
            for (ServiceProcess service : services()) {
                List<String> lines = Files.readAllLines(service.log(), StandardCharsets.UTF_8);
                assertThat(lines.stream().filter(l -> l.startsWith("{\"@timestamp\"")).count())
                        .as("%s writes ECS JSON lines", service.name()).isGreaterThan(lines.size() / 2);
                String log = String.join("\n", lines);
                secrets.forEach((name, value) -> {
                    if (value.length() >= 12 && !name.endsWith("_USER") && !name.endsWith("_ID")) {
                        assertThat(log).as("%s's log holds %s", service.name(), name).doesNotContain(value);
                    }
                });
                assertThat(PERSONAL_NUMBER.matcher(log).results().map(m -> m.group()).toList())
                        .as("unmasked phone or Aadhaar numbers in %s's log", service.name()).isEmpty();
            }
        }

        private String summary(Duration loaded, Tally tally, Tally warmUp, Map<String, Vitals> before,
                Map<String, Vitals> after, int connectionsBefore, int connectionsAfter, SoakTraffic t) {
            StringBuilder out = new StringBuilder("\n==== soak: " + loaded.toSeconds() + " s at " + PER_SECOND
                    + " requests/s, " + WORKERS + " workers (warm-up " + WARM_UP.toSeconds() + " s, "
                    + warmUp.total() + " requests, before) ====\n");
            out.append(tally.table());
            out.append(String.format("%nacknowledged webhook messages %d, applications %d, certificates %d%n",
                    t.acknowledgedWamids.size(), t.submittedReferences.size(), t.certificates.size()));
            out.append(String.format("%n%-16s %18s %18s %14s %12s%n", "service", "heap MiB (GC'd)", "RSS MiB",
                    "threads", "hikari act."));
            before.forEach((service, start) -> {
                Vitals end = after.get(service);
                out.append(String.format("%-16s %8.1f -> %7.1f %8.1f -> %7.1f %6d -> %5d %5d -> %4d%n", service,
                        start.heapMb(), end.heapMb(), start.rssMb(), end.rssMb(), start.threads(), end.threads(),
                        start.activeConnections(), end.activeConnections()));
            });
            out.append(String.format("%-16s %d -> %d%n", "pg client conns", connectionsBefore, connectionsAfter));
            out.append(String.format("bounds: heap +%.0f MiB, RSS +%.0f MiB, threads +%d, Hikari 0, "
                    + "PostgreSQL <= start%n", HEAP_GROWTH_MB, RSS_GROWTH_MB, THREAD_GROWTH));
            return out.toString();
        }

        private long count(String sql) {
            Long n = db.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        }
    }
}
