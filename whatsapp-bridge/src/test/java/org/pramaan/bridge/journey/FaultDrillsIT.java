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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Fault drills on the whole platform, every part its own process ({@link FaultPlatform}), under a continuous load of
 * submissions and approvals: kill -9 of the development peer and of the chaincode server, kill -9 of PostgreSQL, kill -9
 * of each service. After each drill every approval answered 200 must end ANCHORED with exactly one issuing entry in
 * the ledger's history, and the verifier must have handled each certificate's CertificateIssued event exactly once
 * (counted by a trigger on its anchor table that sees every insert, also those its ON CONFLICT drops). Prints a
 * drill table. Bounded: each drill loads for seconds, waits at most a few minutes for recovery.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillsIT {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FaultDrillsIT.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration SETTLE = Duration.ofSeconds(240);
    private static final List<String> TABLE = new CopyOnWriteArrayList<>();

    @TempDir
    static Path home;
    static FaultPlatform platform;
    static JdbcTemplate db;
    static String bridgeAuth;
    static OfficerSignIn officerAuth;
    /** Every certificate id an approval answered 200 with, across all drills. */
    static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = FaultPlatform.start(home, Platform.jarsRoot(), Platform.logs("faults"));
        db = new JdbcTemplate(platform.dataSource());
        bridgeAuth = JsonHttp.basic(platform.secrets.get("ISSUER_BRIDGE_CLIENT_ID"),
                platform.secrets.get("ISSUER_BRIDGE_CLIENT_SECRET"));
        Map<String, String> devEnv = platform.devEnv();
        officerAuth = new OfficerSignIn(platform.issuer.baseUrl(), devEnv.get("ISSUER_OFFICER_REV_USER"),
                devEnv.get("ISSUER_OFFICER_REV_PASSWORD"));
        // Counts every CertificateIssued the verifier handles, including repeats its ON CONFLICT DO NOTHING hides.
        db.execute("CREATE TABLE IF NOT EXISTS public.drill_anchor_seen (certificate_id text, seen_at timestamptz DEFAULT now())");
        db.execute("""
                CREATE OR REPLACE FUNCTION public.drill_count_anchor() RETURNS trigger AS $$
                BEGIN INSERT INTO public.drill_anchor_seen (certificate_id) VALUES (NEW.certificate_id); RETURN NEW; END
                $$ LANGUAGE plpgsql""");
        db.execute("CREATE TRIGGER drill_count BEFORE INSERT ON verifier.anchor FOR EACH ROW EXECUTE FUNCTION public.drill_count_anchor()");
    }

    @AfterAll
    static void stopPlatform() {
        LOG.info("fault drills:\n| drill | what was killed | what clients saw | acknowledged | lost | doubled"
                + " | PDF sent twice |\n|---|---|---|---:|---:|---:|---:|\n{}", String.join("\n", TABLE));
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void peerAndChaincodeKilledUnderApprovals() throws Exception {
        drill("peer + chaincode", "dev peer (kill -9, restart), then chaincode server (kill -9, restart)", load -> {
            load.awaitApprovals(5);
            platform.killPeer();
            load.keepsRunningFor(Duration.ofSeconds(3));
            platform.startPeer();
            load.awaitApprovals(load.approved() + 5);
            platform.killChaincode();
            load.keepsRunningFor(Duration.ofSeconds(3));
            platform.startChaincode();
            load.awaitApprovals(load.approved() + 5);
        });
    }

    @Test
    @Order(2)
    void postgresKilledDuringApprovals() throws Exception {
        drill("PostgreSQL", "PostgreSQL (kill -9 of postmaster and backends, restart after 8 s)", load -> {
            load.awaitApprovals(load.approved() + 5);
            platform.killDatabase();
            load.outage(true);
            load.keepsRunningFor(Duration.ofSeconds(8));
            load.outage(false);
            platform.startDatabase();
            load.awaitApprovals(load.approved() + 5);
            assertThat(load.outageAnswers()).as("answers during the outage").isNotEmpty();
            assertThat(load.outageAnswers()).as("during the outage clients get 503, never 500")
                    .allSatisfy(a -> assertThat(a.status()).isIn(503, -1));
            assertThat(load.outageAnswers().stream().filter(a -> a.status() == 503).toList())
                    .as("a 503 quickly (under 10 s on a shared 2-core machine)")
                    .isNotEmpty().allSatisfy(a -> assertThat(a.millis()).isLessThan(10_000));
        });
    }

    @Test
    @Order(3)
    void eachServiceKilledUnderLoad() throws Exception {
        drill("services", "issuer-service, verifier-app, whatsapp-bridge (kill -9 each, restart on the same database)",
                load -> {
                    for (ServiceProcess service : List.of(platform.issuer, platform.verifier, platform.bridge)) {
                        load.awaitApprovals(load.approved() + 3);
                        service.kill();
                        load.keepsRunningFor(Duration.ofSeconds(2));
                        platform.restart(service);
                    }
                    load.awaitApprovals(load.approved() + 5);
                });
    }

    @Test
    @Order(4)
    void backupTakenUnderLoadRestoresEveryAcknowledgedCertificateAfterTheDiskIsLost() throws Exception {
        Load load = new Load("backup", ++drills);
        Thread driver = new Thread(load, "drill-load-backup");
        driver.start();
        Set<String> beforeBackup = new java.util.TreeSet<>(acknowledged);
        try {
            load.awaitApprovals(5);
            beforeBackup.addAll(load.certificates);
            org.pramaan.service.database.PhysicalBackup.backup(platform.databaseUrl(), platform.dataDirectory(),
                    home.resolve("backup"), java.time.Clock.systemUTC());
            platform.backupObjects(home.resolve("backup"));
        } finally {
            load.stop();
            driver.join(60_000);
        }
        int approvedDuringBackup = load.certificates.size() - (int) load.certificates.stream()
                .filter(beforeBackup::contains).count();
        platform.loseTheDiskAndRestore(home.resolve("backup"));

        // Every certificate acknowledged before the backup began: anchored (again, when its anchoring had not reached
        // the backed-up ledger) and VALID at the verifier, from the QR printed on it.
        Map<String, String> notValid = new TreeMap<>();
        Patience patience = Patience.of(SETTLE);
        for (String id : beforeBackup) {
            if (!patience.until(Duration.ofSeconds(1), () -> "VALID".equals(verdict(id)))) {
                notValid.put(id, verdict(id));
            }
        }
        TABLE.add(String.format("| backup + restore | PostgreSQL's data folder deleted after a backup taken under load;"
                + " restored, every part restarted | %s | %d | %d | 0 | - |", load.seen(), beforeBackup.size(),
                notValid.size()));
        LOG.info("approved while the backup ran (a restore returns to the backup's point): {}",
                approvedDuringBackup);
        assertThat(notValid).as("certificates acknowledged before the backup that do not verify VALID after the restore")
                .isEmpty();
        // And each one's PDF comes back from the restored object store, checked against the hash its row keeps.
        // A PDF still being rendered at the backup (approvals answer before it exists) is rendered after the restore:
        // its rendering row came back with it. Until then the issuer answers 409 pdf-pending.
        Map<String, String> noPdf = new TreeMap<>();
        Patience pdfPatience = Patience.of(SETTLE);
        for (String id : beforeBackup) {
            if (!pdfPatience.until(Duration.ofSeconds(1), () -> "%PDF-".equals(pdf(id)))) {
                noPdf.put(id, pdf(id));
            }
        }
        assertThat(noPdf).as("certificates acknowledged before the backup whose PDF is not served after the restore")
                .isEmpty();
        // "Can we trust this installation?" after the restore: the issuer's records against the ledger, and the chain.
        for (FaultPlatform.AuditRun run : platform.audit()) {
            LOG.info("audit after the restore (exit {}):\n{}", run.exit(), run.output());
            assertThat(run.exit()).as("./pramaan audit after the restore finds no mismatch:\n" + run.output()).isZero();
        }
    }

    /** The verifier's verdict on the QR the issuer printed on {@code certificateId}, as a bank's system would ask. */
    private static String verdict(String certificateId) {
        try {
            HttpResponse<String> view = HTTP.send(HttpRequest.newBuilder(URI.create(platform.issuer.baseUrl()
                    + "/api/v1/certificates/" + certificateId)).header("Authorization", officerAuth.authorization())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (view.statusCode() != 200) {
                return "issuer HTTP " + view.statusCode();
            }
            JsonNode certificate = JsonHttp.JSON.readTree(view.body());
            if (!"ANCHORED".equals(certificate.path("status").asString(""))) {
                return "issuer " + certificate.path("status").asString("");
            }
            String body = JsonHttp.JSON.writeValueAsString(Map.of("qr", certificate.path("qrText").asString("")));
            HttpResponse<String> verified = HTTP.send(HttpRequest.newBuilder(URI.create(platform.verifier.baseUrl()
                    + "/api/v1/verify")).header("Content-Type", "application/json")
                    .header("X-Api-Key", platform.secrets.get("VERIFIER_API_KEY_BRIDGE"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return verified.statusCode() == 200 ? JsonHttp.JSON.readTree(verified.body()).path("status").asString("")
                    : "verifier HTTP " + verified.statusCode();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    interface Fault {
        void inflict(Load load) throws Exception;
    }

    private static int drills;

    private void drill(String name, String killed, Fault fault) throws Exception {
        Load load = new Load(name, ++drills);
        Thread driver = new Thread(load, "drill-load-" + name);
        driver.start();
        try {
            fault.inflict(load);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(name + ": " + e.getMessage() + "\n" + platform.logTails(), e);
        } finally {
            load.stop();
            driver.join(60_000);
        }
        acknowledged.addAll(load.certificates);
        try {
            Check check = settle(new ArrayList<>(load.certificates), load.phones);
            TABLE.add(String.format("| %s | %s | %s | %d | %d | %d | %d |", name, killed, load.seen(),
                    load.certificates.size(), check.lost, check.doubled, check.sentTwice));
            assertThat(load.serverErrors()).as(name + ": answers 5xx other than 503 (a fault must be refused as 503"
                    + " with Retry-After, never a 500)").isZero();
            assertThat(check.lost).as(name + ": approvals answered 200 that never got anchored once").isZero();
            assertThat(check.doubled).as(name + ": certificates anchored or handled more than once").isZero();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + platform.logTails(), e);
        }
    }

    record Check(long lost, long doubled, long sentTwice) {
    }

    /** Waits until every acknowledged certificate is ANCHORED, then counts ledger issuing entries and verifier handling. */
    private Check settle(List<String> ids, Map<String, String> phones) {
        Patience patience = Patience.of(SETTLE);
        List<String> pending = new java.util.concurrent.CopyOnWriteArrayList<>(ids);
        patience.until(Duration.ofSeconds(1), () -> {
            pending.removeIf(id -> "ANCHORED".equals(status(id)));
            return pending.isEmpty();
        });
        // The ledger's history, straight from the peer's tables: one entry per certificate key.
        Map<String, Integer> history = new LedgerTables(db.getDataSource()).historyEntries(ids);
        // The verifier's handling of CertificateIssued, once each event reached it.
        patience.until(Duration.ofSeconds(1), () -> seenByVerifier(ids).size() >= ids.size());
        Map<String, Integer> handled = seenByVerifier(ids);
        // A citizen whose 24-hour window was not open (the bridge was down when they wrote) gets a template first and
        // the PDF once they answer, as on WhatsApp: each answers once.
        for (String id : ids) {
            if (!delivered(List.of(id)).containsKey(id)) {
                citizen(phones.get(id)).greet();
            }
        }
        // The citizen's PDF through the Graph API: at least once each (a bridge killed between Meta's answer and its
        // own commit may send one twice; WhatsApp has no idempotency key, so that is counted, not hidden).
        patience.until(Duration.ofSeconds(1), () -> delivered(ids).size() >= ids.size());
        Map<String, Integer> documents = delivered(ids);
        long lost = ids.stream().filter(id -> pending.contains(id) || history.getOrDefault(id, 0) == 0
                || handled.getOrDefault(id, 0) == 0 || documents.getOrDefault(id, 0) == 0).count();
        long doubled = ids.stream().filter(id -> history.getOrDefault(id, 0) > 1 || handled.getOrDefault(id, 0) > 1).count();
        long sentTwice = ids.stream().filter(id -> documents.getOrDefault(id, 0) > 1).count();
        if (lost > 0 || doubled > 0 || sentTwice > 0) {
            LOG.warn("not anchored: " + pending + "; ledger history counts " + history + "; verifier " + handled
                    + "; documents sent " + documents);
        }
        return new Check(lost, doubled, sentTwice);
    }

    private Map<String, Integer> delivered(List<String> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        platform.graph.documentsByFilename().forEach((filename, n) -> counts.put(filename.replaceFirst("\\.pdf$", ""), n.intValue()));
        counts.keySet().retainAll(Set.copyOf(ids));
        return counts;
    }

    private Map<String, Integer> seenByVerifier(List<String> ids) {
        Map<String, Integer> counts = new TreeMap<>();
        db.query("SELECT certificate_id, count(*) FROM public.drill_anchor_seen GROUP BY 1", row -> {
            counts.put(row.getString(1), row.getInt(2));
        });
        counts.keySet().retainAll(Set.copyOf(ids));
        return counts;
    }

    /** The first five bytes of the certificate's PDF as the issuer serves it ({@code %PDF-}), else what went wrong. */
    private static String pdf(String certificateId) {
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.issuer.baseUrl()
                    + "/api/v1/certificates/" + certificateId + "/pdf")).header("Authorization", officerAuth.authorization())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() != 200 ? "HTTP " + r.statusCode() + " " + new String(r.body(),
                    java.nio.charset.StandardCharsets.UTF_8)
                    : new String(r.body(), 0, Math.min(5, r.body().length), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String status(String certificateId) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(platform.issuer.baseUrl()
                    + "/api/v1/certificates/" + certificateId)).header("Authorization", officerAuth.authorization())
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? JsonHttp.JSON.readTree(r.body()).path("status").asString("") : "HTTP " + r.statusCode();
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    record Answer(int status, long millis) {
    }

    /** Submits and approves applications one after another until stopped; remembers what clients saw. */
    static final class Load implements Runnable {
        private final String name;
        final Set<String> certificates = ConcurrentHashMap.newKeySet();
        /** Each acknowledged certificate's citizen (a phone number of its own). */
        final Map<String, String> phones = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final List<Answer> outageAnswers = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Patience.Stop stop = new Patience.Stop();
        private volatile boolean finished;
        private volatile boolean inOutage;
        private volatile String lastRefusal = "none";
        private int sequence;
        private Thread prober;
        private int probes;

        private final int drill;

        Load(String name, int drill) {
            this.name = name;
            this.drill = drill;
        }

        @Override
        public void run() {
            try {
                load();
            } finally {
                finished = true;
            }
        }

        private void load() {
            long end = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            while (running.get() && System.nanoTime() < end) {
                String reference = "drill-" + name.replace(' ', '-') + "-" + (++sequence) + "-" + System.nanoTime();
                String phone = String.format("91980%d%06d", drill, sequence);
                // The citizen writes first (as in life: the chat starts the application), which opens their window.
                citizen(phone).greet();
                Result submitted = submit(reference, phone, "Drill Applicant " + letters(sequence));
                if (submitted.status() != 201 && submitted.status() != 200) {
                    lastRefusal = submitted.status() + " " + submitted.body();
                    stop.pause(200);
                    continue;
                }
                String id = submitted.json().path("id").asString("");
                // A client retries an approval it got no answer to (a retried approval is answered again).
                for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
                    Result approved = call("POST", platform.issuer.baseUrl() + "/api/v1/applications/" + id + "/approve",
                            "", officerAuth.authorization());
                    if (approved.status() == 200) {
                        String certificateId = approved.json().path("certificateId").asString();
                        phones.put(certificateId, phone);
                        certificates.add(certificateId);
                        break;
                    }
                    stop.pause(300);
                }
            }
        }

        record Result(int status, JsonNode json, String body) {
        }

        private Result call(String method, String url, String body, String auth) {
            long start = System.nanoTime();
            int status;
            JsonNode json = null;
            String text = "";
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = r.statusCode();
                text = r.body().length() > 500 ? r.body().substring(0, 500) : r.body();
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
            if (inOutage) {
                outageAnswers.add(new Answer(status, (System.nanoTime() - start) / 1_000_000));
            }
            return new Result(status, json, text);
        }

        int serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("503"))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        int approved() {
            return certificates.size();
        }

        void awaitApprovals(int count) {
            if (!Patience.of(Duration.ofMinutes(3)).until(Duration.ofMillis(200), () -> certificates.size() >= count)) {
                throw new AssertionError("the load got " + certificates.size() + " approvals, not " + count
                        + " within 3 minutes; answers " + statuses + "; last refused submission: " + lastRefusal);
            }
        }

        /** The fault lasts {@code outage}: the load must keep going all through it (a crashed load proves nothing). */
        void keepsRunningFor(Duration outage) {
            org.awaitility.Awaitility.await("the load running through the outage").during(outage)
                    .atMost(outage.plusSeconds(10)).until(() -> !finished);
        }

        /**
         * Marks the outage and, while it lasts, asks the issuer directly every half second as well: the load's own
         * loop may spend the whole outage in a citizen's greeting (the bridge waits on the same database), which left
         * a drill with no answer to judge.
         */
        void outage(boolean on) throws InterruptedException {
            inOutage = on;
            if (on) {
                prober = new Thread(() -> {
                    while (inOutage && running.get()) {
                        probe();
                        stop.pause(500);
                    }
                }, "drill-outage-probe-" + name);
                prober.start();
            } else if (prober != null) {
                prober.join(60_000);
                prober = null;
            }
        }

        /** One submission, as the bridge makes them; its answer counts among the outage's while it lasts. */
        private void probe() {
            submit("drill-probe-" + name.replace(' ', '-') + "-" + System.nanoTime(),
                    String.format("91970%d%06d", drill, ++probes), "Drill Probe " + letters(probes));
        }

        /** An income certificate application for {@code holder}, submitted as the bridge submits them. */
        private Result submit(String reference, String phone, String holder) {
            Map<String, Object> body = Map.of("serviceCode", "REV-INCOME", "language", "en",
                    "phoneNumber", phone, "channelReference", reference,
                    "fields", Map.of("nm", holder, "fn", "Kondapalli Venkata Rao",
                            "vl", "Penamaluru", "md", "Penamaluru", "ds", "Krishna", "pc", "521137", "ai", "96000",
                            "pu", "education", "ah", "2341 2341 2346"));
            return call("POST", platform.issuer.baseUrl() + "/api/v1/applications",
                    JsonHttp.JSON.writeValueAsString(body), bridgeAuth);
        }

        List<Answer> outageAnswers() {
            return List.copyOf(outageAnswers);
        }

        String seen() {
            return new TreeMap<>(statuses).toString().replace("|", "/");
        }

        void stop() {
            running.set(false);
            stop.stop();
        }
    }

    /** The citizen behind {@code phone}, writing through the bridge's webhook as Meta relays it. */
    static Citizen citizen(String phone) {
        return new Citizen(new CitizenPhone(phone, platform.bridge.baseUrl(), platform.secrets.get("WHATSAPP_APP_SECRET"),
                platform.phoneNumberId, platform.graph));
    }

    record Citizen(CitizenPhone phone) {
        /** Says hello; a bridge that is down (killed by a drill) leaves the window closed, which the drill allows. */
        void greet() {
            try {
                phone.say("hi");
            } catch (AssertionError bridgeDown) {
                // counted nowhere: the PDF then waits for the citizen's next message, as WhatsApp requires
            }
        }
    }

    /** A name's part from a number (1 -> A, 27 -> AA): names on certificates hold letters, not digits. */
    static String letters(int number) {
        StringBuilder out = new StringBuilder();
        for (int n = number; n > 0; n = (n - 1) / 26) {
            out.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return out.toString();
    }
}
