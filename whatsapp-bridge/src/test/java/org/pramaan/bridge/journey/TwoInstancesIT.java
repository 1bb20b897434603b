package org.pramaan.bridge.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15's proof: two instances of each service (issuer-service, verifier-app, whatsapp-bridge) against one
 * PostgreSQL and one ledger, under a load of citizens writing, applications and approvals sent through both; one
 * instance of each killed -9 mid-run and not restarted. Their leased work (anchoring batches, delivery notices, inbox
 * events, outgoing messages) is taken over by the survivors once the leases end. Counted afterwards: every approval
 * answered 200 anchored exactly once in the ledger's history and recorded by the verifier, its PDF sent to the
 * citizen, and every greeting the bridge acknowledged answered exactly once (one language prompt queued per
 * citizen). A PDF sent twice (an instance killed between Meta's answer and its own commit; WhatsApp has no
 * idempotency key) is counted and reported, not hidden.
 */
class TwoInstancesIT {

    private static final Logger LOG = LoggerFactory.getLogger(TwoInstancesIT.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration SETTLE = Duration.ofSeconds(300);
    /** Short leases, so the survivors take a killed instance's work over within the test's patience. */
    private static final Map<String, String> SHORT_LEASES = Map.of("BRIDGE_INBOX_LEASE", "15s",
            "BRIDGE_SENDER_LEASE", "15s", "LEDGER_LEASE", "20s", "DELIVERY_LEASE", "20s");

    @TempDir
    static Path home;
    static FaultPlatform platform;
    static JdbcTemplate db;
    static String bridgeAuth;
    static OfficerSignIn officerAuth;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = FaultPlatform.start(home, Platform.jarsRoot(), Platform.logs("two"), SHORT_LEASES);
        platform.startSecondInstances();
        db = new JdbcTemplate(platform.dataSource());
        bridgeAuth = JsonHttp.basic(platform.secrets.get("ISSUER_BRIDGE_CLIENT_ID"),
                platform.secrets.get("ISSUER_BRIDGE_CLIENT_SECRET"));
        Map<String, String> devEnv = platform.devEnv();
        officerAuth = new OfficerSignIn(platform.issuer.baseUrl(), devEnv.get("ISSUER_OFFICER_REV_USER"),
                devEnv.get("ISSUER_OFFICER_REV_PASSWORD"));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void twoInstancesOfEachShareTheWorkAndOneOfEachKilledLosesNothingAndDoesNothingTwice() throws Exception {
        Load first = new Load(1);
        Load second = new Load(2);
        Thread a = new Thread(first, "two-instances-load-1");
        Thread b = new Thread(second, "two-instances-load-2");
        a.start();
        b.start();
        try {
            awaitApprovals(List.of(first, second), 12);
            // Mid-run, with work of every kind leased by the first instances: kill -9, no restart.
            platform.bridge.kill();
            platform.issuer.kill();
            platform.verifier.kill();
            Load.firstDead.set(true);
            awaitApprovals(List.of(first, second), approved(first, second) + 12);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + platform.logTails(), e);
        } finally {
            first.stop();
            second.stop();
            a.join(60_000);
            b.join(60_000);
        }
        Map<String, String> phones = new TreeMap<>();
        phones.putAll(first.phones);
        phones.putAll(second.phones);
        Set<String> greeted = ConcurrentHashMap.newKeySet();
        greeted.addAll(first.greeted);
        greeted.addAll(second.greeted);
        Check check = settle(new ArrayList<>(phones.keySet()), phones, new ArrayList<>(greeted));
        // Inbox events claimed more than once: the killed bridge's leased events, taken over by the survivor.
        int takenOver = db.queryForObject("SELECT count(*) FROM bridge.inbox WHERE attempts > 1", Integer.class);
        LOG.info("two instances of each service, one of each killed -9 mid-run:\n| acknowledged approvals | greetings"
                + " acknowledged | inbox events taken over | lost | anchored twice | greetings answered twice |"
                + " greetings unanswered | PDF sent twice |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| {} | {} | {} | {} | {} | {} | {} | {} |", phones.size(), greeted.size(), takenOver, check.lost,
                check.doubled, check.answeredTwice, check.unanswered, check.sentTwice);
        try {
            assertThat(first.serverErrors() + second.serverErrors()).as("answers 5xx other than 503").isZero();
            assertThat(check.lost).as("approvals answered 200 that were not anchored, recorded and delivered").isZero();
            assertThat(check.doubled).as("certificates anchored more than once").isZero();
            assertThat(check.answeredTwice).as("acknowledged greetings the bridge answered twice").isZero();
            assertThat(check.unanswered).as("acknowledged greetings the bridge never answered").isZero();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + platform.logTails(), e);
        }
    }

    record Check(long lost, long doubled, long answeredTwice, long unanswered, long sentTwice) {
    }

    private static int approved(Load... loads) {
        int n = 0;
        for (Load load : loads) {
            n += load.phones.size();
        }
        return n;
    }

    private static void awaitApprovals(List<Load> loads, int count) {
        if (!Patience.of(Duration.ofMinutes(4)).until(Duration.ofMillis(200),
                () -> approved(loads.toArray(Load[]::new)) >= count)) {
            throw new AssertionError("the load got " + approved(loads.toArray(Load[]::new)) + " approvals, not "
                    + count + " within 4 minutes; answers " + loads.get(0).statuses + " / " + loads.get(1).statuses);
        }
    }

    private Check settle(List<String> ids, Map<String, String> phones, List<String> greeted) {
        Patience patience = Patience.of(SETTLE);
        List<String> pending = new java.util.concurrent.CopyOnWriteArrayList<>(ids);
        patience.until(Duration.ofSeconds(1), () -> {
            pending.removeIf(id -> "ANCHORED".equals(status(id)));
            return pending.isEmpty();
        });
        Map<String, Integer> history = new LedgerTables(db.getDataSource()).historyEntries(ids);
        // The verifier instances both see every CertificateIssued; what counts is that one record exists.
        patience.until(Duration.ofSeconds(1), () -> recorded(ids).size() >= ids.size());
        Map<String, Integer> recorded = recorded(ids);
        // Counted before any citizen writes again below: every acknowledged greeting processed, each once (one
        // language prompt queued per citizen).
        patience.until(Duration.ofSeconds(1), () -> unprocessed(greeted) == 0);
        Map<String, Integer> prompts = new TreeMap<>();
        for (String phone : greeted) {
            prompts.put(phone, db.queryForObject("SELECT count(*) FROM bridge.outbox WHERE citizen_id = ? "
                    + "AND payload LIKE '%lang:te%'", Integer.class, phone));
        }
        for (String id : ids) {
            if (!delivered(List.of(id)).containsKey(id)) {
                citizen(phones.get(id), platform.bridge2).greet(); // a closed window opens when the citizen writes
            }
        }
        patience.until(Duration.ofSeconds(1), () -> delivered(ids).size() >= ids.size());
        Map<String, Integer> documents = delivered(ids);
        long lost = ids.stream().filter(id -> pending.contains(id) || history.getOrDefault(id, 0) == 0
                || recorded.getOrDefault(id, 0) == 0 || documents.getOrDefault(id, 0) == 0).count();
        long doubled = ids.stream().filter(id -> history.getOrDefault(id, 0) > 1).count();
        long answeredTwice = prompts.values().stream().filter(n -> n > 1).count();
        long unanswered = prompts.values().stream().filter(n -> n == 0).count();
        long sentTwice = ids.stream().filter(id -> documents.getOrDefault(id, 0) > 1).count();
        if (lost > 0 || doubled > 0 || answeredTwice > 0 || unanswered > 0 || sentTwice > 0) {
            LOG.warn("not anchored: {}; ledger history counts {}; verifier records {}; documents sent {}; prompts {}",
                    pending, history, recorded, documents, prompts);
        }
        return new Check(lost, doubled, answeredTwice, unanswered, sentTwice);
    }

    private static int unprocessed(List<String> phones) {
        int n = 0;
        for (String phone : phones) {
            n += db.queryForObject("SELECT count(*) FROM bridge.inbox WHERE citizen_id = ? AND processed_at IS NULL",
                    Integer.class, phone);
        }
        return n;
    }

    private Map<String, Integer> recorded(List<String> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        db.query("SELECT certificate_id, count(*) FROM verifier.anchor GROUP BY 1", row -> {
            counts.put(row.getString(1), row.getInt(2));
        });
        counts.keySet().retainAll(Set.copyOf(ids));
        return counts;
    }

    private Map<String, Integer> delivered(List<String> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        platform.graph.documentsByFilename()
                .forEach((filename, n) -> counts.put(filename.replaceFirst("\\.pdf$", ""), n.intValue()));
        counts.keySet().retainAll(Set.copyOf(ids));
        return counts;
    }

    private static String status(String certificateId) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.issuer2.baseUrl()
                    + "/api/v1/certificates/" + certificateId)).header("Authorization", officerAuth.authorization())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JsonHttp.JSON.readTree(r.body()).path("status").asString("")
                    : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * One client of one instance of each service: a citizen greets through its bridge, the application goes to its
     * issuer, the approval to the other issuer (the two share one database). Once the first instances are killed,
     * both loads go to the second ones.
     */
    static final class Load implements Runnable {
        static final AtomicBoolean firstDead = new AtomicBoolean();

        private final int instance;
        /** Acknowledged approvals: certificate id to its citizen's phone. */
        final Map<String, String> phones = new ConcurrentHashMap<>();
        /** Citizens whose greeting a bridge acknowledged (200). */
        final Set<String> greeted = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Patience.Stop stop = new Patience.Stop();
        private int sequence;

        Load(int instance) {
            this.instance = instance;
        }

        private boolean mine() {
            return instance == 1 && !firstDead.get();
        }

        @Override
        public void run() {
            long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (running.get() && System.nanoTime() < end) {
                boolean first = mine();
                ServiceProcess bridge = first ? platform.bridge : platform.bridge2;
                ServiceProcess submitTo = first ? platform.issuer : platform.issuer2;
                ServiceProcess approveAt = firstDead.get() ? platform.issuer2 : first ? platform.issuer2 : platform.issuer;
                String phone = String.format("9197%d%07d", instance, ++sequence);
                if (citizen(phone, bridge).greet()) {
                    greeted.add(phone);
                }
                Map<String, Object> body = Map.of("serviceCode", "REV-INCOME", "language", "en",
                        "phoneNumber", phone, "channelReference", "two-" + instance + "-" + sequence + "-" + System.nanoTime(),
                        "fields", Map.of("nm", "Twin Applicant " + FaultDrillsIT.letters(sequence + instance * 1000),
                                "fn", "Kondapalli Venkata Rao", "vl", "Penamaluru", "md", "Penamaluru",
                                "ds", "Krishna", "pc", "521137", "ai", "96000", "pu", "education",
                                "ah", "2341 2341 2346"));
                Result submitted = call("POST", submitTo.baseUrl() + "/api/v1/applications",
                        JsonHttp.JSON.writeValueAsString(body), bridgeAuth);
                if (submitted.status != 201 && submitted.status != 200) {
                    stop.pause(200);
                    continue;
                }
                String id = submitted.json.path("id").asString("");
                for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
                    ServiceProcess approver = firstDead.get() ? platform.issuer2 : approveAt;
                    Result approved = call("POST", approver.baseUrl() + "/api/v1/applications/" + id + "/approve",
                            "", officerAuth.authorization());
                    if (approved.status == 200) {
                        phones.put(approved.json.path("certificateId").asString(), phone);
                        break;
                    }
                    stop.pause(300);
                }
            }
        }

        record Result(int status, tools.jackson.databind.JsonNode json) {
        }

        private Result call(String method, String url, String body, String auth) {
            int status;
            tools.jackson.databind.JsonNode json = null;
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                if (status == 200 || status == 201) {
                    json = JsonHttp.JSON.readTree(r.body());
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = -2;
            }
            statuses.computeIfAbsent(status < 0 ? "no answer" : Integer.toString(status), k -> new AtomicInteger())
                    .incrementAndGet();
            return new Result(status, json);
        }

        int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("503"))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        void stop() {
            running.set(false);
            stop.stop();
        }
    }

    static Citizen citizen(String phone, ServiceProcess bridge) {
        return new Citizen(new CitizenPhone(phone, bridge.baseUrl(), platform.secrets.get("WHATSAPP_APP_SECRET"),
                platform.phoneNumberId, platform.graph));
    }

    record Citizen(CitizenPhone phone) {
        /** Says hello; true when the bridge acknowledged it (a killed bridge does not). */
        boolean greet() {
            try {
                phone.say("hi");
                return true;
            } catch (AssertionError | RuntimeException bridgeDown) {
                return false;
            }
        }
    }
}
