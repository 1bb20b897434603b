package org.pramaan.issuer.bench.scale;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.issuer.audit.AuditBenchmark;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state-scale run ({@code ./pramaan bench scale [certificates]}) against the platform {@code ./pramaan up}
 * runs, every request through the services' real HTTP APIs on loopback:
 * <ol>
 * <li>{@code seed N}: N anchored certificates (a year of a state's issuance) put straight into the issuer's table
 *     and the peer's state with COPY (as {@link AuditBenchmark} does; anchoring a million through the peer takes
 *     hours), so everything after runs against a ledger and database of that size;</li>
 * <li>{@code measure}: approvals per second with a department key and with an officer's token (closed loop), each
 *     followed by how its PDFs caught up (an approval answers before its PDF exists: approval -> PDF ready p50/p99
 *     and PDFs per second, and the CPU per approval with its PDF beside the CPU while acknowledging it), time
 *     to trust at an offered 100 approvals/s (request -> the ledger's commit recorded), the bridge's delivery rate
 *     draining the notices those approvals queued, the verifier's cold path (each fresh certificate verified once)
 *     against its trivial endpoint in the same run, and CPU milliseconds and database bytes per certificate for
 *     each part.</li>
 * </ol>
 * {@code trust}: time to trust alone, against what the platform runs now (about a minute).
 * Settings (system properties): {@code scale.clients} (8), {@code scale.seconds} (30), {@code scale.trustRate}
 * (100), {@code scale.trustSeconds} (20).
 */
public final class ScaleBenchmark {

    private static final int CLIENTS = Integer.getInteger("scale.clients", 8);
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("scale.seconds", 30));
    private static final int TRUST_RATE = Integer.getInteger("scale.trustRate", 100);
    private static final int TRUST_SECONDS = Integer.getInteger("scale.trustSeconds", 20);
    private static final int APPLICATIONS = Integer.getInteger("scale.applications", 1500);
    /** The issuer instances the load is spread over, in turn (one by default; {@code bench scale 0 two} adds one). */
    private static final List<String> ISSUERS = List.of(System.getProperty("scale.issuers", Platform.ISSUER).split(","));

    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getenv().getOrDefault("PRAMAAN_HOME", ".pramaan"));
        String databaseUrl = System.getenv().getOrDefault("DATABASE_URL",
                "jdbc:postgresql://localhost:5433/postgres?user=postgres");
        Platform platform = Platform.at(home, databaseUrl);
        String mode = args.length > 0 ? args[0] : "measure";
        if (mode.equals("seed")) {
            int certificates = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
            long start = System.nanoTime();
            AuditBenchmark.seed(platform.dataSource(), certificates);
            out("seeded %,d anchored certificates (issuer rows and ledger state, COPY) in %.0f s",
                    certificates, (System.nanoTime() - start) / 1e9);
            return;
        }
        if (mode.equals("trust")) {
            // Time to trust alone (about a minute), to try anchoring settings without the whole run.
            new ScaleBenchmark.Run(platform).trustOnly();
            return;
        }
        new ScaleBenchmark.Run(platform).measure();
    }

    static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** One measuring pass; its findings, in order, make the report. */
    private static final class Run {

        private final Platform platform;
        private final JdbcClient jdbc;
        private final List<String> rows = new ArrayList<>();
        private final List<String> issued = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Map<String, String> cpuRows = new LinkedHashMap<>();

        Run(Platform platform) {
            this.platform = platform;
            this.jdbc = JdbcClient.create(platform.dataSource());
        }

        void measure() throws Exception {
            long certificatesBefore = count("SELECT count(*) FROM issuer.certificate");
            Map<String, Long> bytesBefore = StoreSizes.bySchema(jdbc);
            out("platform: %,d certificates in the issuer's table; database %s; issuer instances %s", certificatesBefore,
                    StoreSizes.describe(bytesBefore), ISSUERS);
            java.time.Instant runStart = java.time.Instant.now();

            Load.Outcome trivial = Load.closedLoop(CLIENTS, Duration.ofSeconds(10), Integer.MAX_VALUE,
                    n -> new Load.Call(Platform.ISSUER + "/actuator/health/liveness", Map.of(), null), false);
            row("issuer trivial endpoint (liveness), baseline", trivial, 1.0);

            Map<String, String> keyHeader = Map.of("X-Api-Key", platform.env("ISSUER_DEPT_SYSTEM_REV_KEY"));
            Load.Outcome byKey = approvals("department key", keyHeader, Integer.MAX_VALUE, trivial,
                    n -> issueCall(keyHeader, n), "id");

            // Officers approve what citizens applied for: the applications come first (through the bridge's own
            // sign-in, as the chat submits them), then the officer approves them with a token.
            Map<String, String> bridge = Map.of("Authorization", "Basic " + basic(
                    platform.env("ISSUER_BRIDGE_CLIENT_ID"), platform.env("ISSUER_BRIDGE_CLIENT_SECRET")));
            Load.Outcome submitted = Load.closedLoop(CLIENTS, Duration.ofMinutes(5), APPLICATIONS,
                    n -> applicationCall(bridge, 1_000_000 + n), true);
            row("applications submitted by the bridge (" + CLIENTS + " clients)", submitted,
                    submitted.perSecond() / trivial.perSecond());
            List<String> applications = submitted.okBodies().stream().map(b -> Platform.jsonField(b, "id")).toList();
            var tokenAnswer = Load.send(new Load.Call(Platform.ISSUER + "/api/v1/auth/token", Map.of("Authorization",
                    "Basic " + basic(platform.env("ISSUER_OFFICER_REV_USER"), platform.env("ISSUER_OFFICER_REV_PASSWORD"))),
                    ""));
            if (tokenAnswer.statusCode() != 200) {
                throw new IllegalStateException("no officer token: " + tokenAnswer.statusCode() + " " + tokenAnswer.body());
            }
            Map<String, String> bearer = Map.of("Authorization", "Bearer "
                    + Platform.jsonField(tokenAnswer.body(), "access_token"));
            approvals("officer token", bearer, applications.size(), trivial, n -> new Load.Call(
                    issuer(n) + "/api/v1/applications/" + applications.get(n) + "/approve", bearer, ""),
                    "certificateId");

            awaitAnchored(Duration.ofMinutes(10));
            timeToTrust(keyHeader);
            delivery(runStart);
            verifierColdPath();

            long certificatesAfter = count("SELECT count(*) FROM issuer.certificate");
            Map<String, Long> bytesAfter = StoreSizes.bySchema(jdbc);
            report(certificatesBefore, certificatesAfter, bytesBefore, bytesAfter, byKey);
        }

        void trustOnly() throws Exception {
            awaitAnchored(Duration.ofMinutes(5));
            timeToTrust(Map.of("X-Api-Key", platform.env("ISSUER_DEPT_SYSTEM_REV_KEY")));
            rows.forEach(ScaleBenchmark::out);
        }

        private Load.Outcome approvals(String how, Map<String, String> auth, int limit, Load.Outcome trivial,
                                       java.util.function.IntFunction<Load.Call> calls, String idField) throws Exception {
            Map<String, Double> cpu0 = platform.cpuMillis();
            Load.Outcome outcome = Load.closedLoop(CLIENTS, WINDOW, limit, calls, true);
            Map<String, Double> cpu1 = platform.cpuMillis();
            List<String> ids = outcome.okBodies().stream().map(body -> Platform.jsonField(body, idField)).toList();
            issued.addAll(ids);
            row("approvals, " + how + " (" + CLIENTS + " clients)", outcome, outcome.perSecond() / trivial.perSecond());
            cpuRows.put("approval acknowledged, " + how, StoreSizes.perItem(cpu0, cpu1, outcome.ok()));
            // An approval answers before its PDF exists: how fast the PDFs caught up, so nobody mistakes acknowledged
            // approvals for finished certificates; and the CPU of the approval with its PDF.
            pdfsCaughtUp(how, ids);
            cpuRows.put("approval with its PDF, " + how, StoreSizes.perItem(cpu0, platform.cpuMillis(), outcome.ok()));
            if (outcome.failed() > 0) {
                out("  %d refused; first: %s", outcome.failed(), outcome.firstFailure());
            }
            return outcome;
        }

        /** Waits for every PDF of {@code ids}, then reports approval -> PDF ready (p50, p99) and the rate PDFs were made. */
        private void pdfsCaughtUp(String how, List<String> ids) {
            String[] array = ids.toArray(String[]::new);
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM issuer.certificate WHERE id = ANY (?) AND pdf_ready_at IS NULL")
                    .param((Object) array).query(Long.class).single() == 0);
            var pdfs = jdbc.sql("SELECT count(*), extract(epoch FROM max(pdf_ready_at) - min(issued_at)),"
                            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM pdf_ready_at - issued_at)),"
                            + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM pdf_ready_at - issued_at))"
                            + " FROM issuer.certificate WHERE id = ANY (?)")
                    .param((Object) array)
                    .query((rs, i) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                    .single();
            rows.add(String.format(Locale.ROOT, "| PDFs of those approvals, %s (approval -> PDF ready: p50 %.2f s,"
                    + " p99 %.2f s) | %,.0f in %.1f s | %.1f/s |", how, pdfs[2], pdfs[3], pdfs[0], pdfs[1],
                    pdfs[0] / Math.max(0.001, pdfs[1])));
        }

        private Load.Call issueCall(Map<String, String> auth, int n) {
            String body = """
                    {"service":"REV-INCOME","language":"en","phoneNumber":"%s","fields":%s}""".formatted(phone(n),
                    fields(n));
            return new Load.Call(issuer(n) + "/api/v1/certificates", auth, body);
        }

        private Load.Call applicationCall(Map<String, String> auth, int n) {
            String body = """
                    {"serviceCode":"REV-INCOME","language":"en","phoneNumber":"%s","channelReference":"scale-%d-%d",\
                    "fields":%s}""".formatted(phone(n), n, System.nanoTime(), fields(n));
            return new Load.Call(issuer(n) + "/api/v1/applications", auth, body);
        }

        private static String issuer(int n) {
            return ISSUERS.get(n % ISSUERS.size());
        }

        /** A distinct citizen each: one recipient's pacing (WhatsApp's 131056) is not what this measures. */
        private static String phone(int n) {
            return String.format(Locale.ROOT, "9%09d", n);
        }

        /** An income certificate's answers as the shipped catalog asks for them. */
        private static String fields(int n) {
            return """
                    {"nm":"Scale Holder %s","fn":"Kondapalli Venkata Rao","vl":"Penamaluru","md":"Penamaluru",\
                    "ds":"Krishna","pc":"521137","ai":"%d","pu":"education","ah":"2341 2341 2346"}""".formatted(
                    letters(n), 50_000 + n % 200_000);
        }

        private static String basic(String user, String password) {
            return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private void timeToTrust(Map<String, String> auth) throws Exception {
            Map<Integer, Long> sentAt = new ConcurrentHashMap<>();
            Map<Integer, Long> answeredAt = new ConcurrentHashMap<>();
            Map<Integer, String> answers = new ConcurrentHashMap<>();
            int total = TRUST_RATE * TRUST_SECONDS;
            Load.Outcome outcome = Load.openLoop(TRUST_RATE, total, n -> issueCall(auth, 2_000_000 + n), sentAt,
                    answeredAt, answers);
            Map<String, Integer> callOf = new LinkedHashMap<>();
            answers.forEach((n, body) -> callOf.put(Platform.jsonField(body, "id"), n));
            issued.addAll(callOf.keySet());
            awaitAnchored(Duration.ofMinutes(5));
            // From the request (this machine's clock) to the moment the service recorded the ledger's commit; and its
            // two halves, request -> approval answered and answered -> anchored, to tell where a stall was: in taking
            // approvals or in anchoring them (not from issued_at: the credential's time is in whole seconds).
            List<long[]> times = jdbc.sql("SELECT id, (extract(epoch FROM anchored_at) * 1000)::bigint"
                            + " FROM issuer.certificate WHERE id = ANY (?)")
                    .param((Object) callOf.keySet().toArray(String[]::new))
                    .query((rs, i) -> {
                        int n = callOf.get(rs.getString(1));
                        long sent = sentAt.get(n);
                        long answered = answeredAt.get(n);
                        return new long[] {rs.getLong(2) - sent, answered - sent, rs.getLong(2) - answered};
                    }).list();
            if (times.isEmpty()) {
                throw new IllegalStateException("no certificate issued at the offered rate: " + outcome.firstFailure());
            }
            List<Long> millis = column(times, 0);
            List<Long> answering = column(times, 1);
            List<Long> anchoring = column(times, 2);
            rows.add(String.format(Locale.ROOT, "| time to trust at %d approvals/s offered (%,d answered in %.1f s, %d"
                    + " refused) | p50 %d ms, p99 %d ms, max %d ms | request -> answered p99 %d ms (max %d), answered ->"
                    + " anchored p99 %d ms (max %d) |", TRUST_RATE, outcome.ok(), outcome.seconds(), outcome.failed(),
                    percentile(millis, 0.5), percentile(millis, 0.99), millis.get(millis.size() - 1),
                    percentile(answering, 0.99), answering.get(answering.size() - 1), percentile(anchoring, 0.99),
                    anchoring.get(anchoring.size() - 1)));
        }

        private static List<Long> column(List<long[]> rows, int index) {
            return rows.stream().map(r -> r[index]).sorted().toList();
        }

        private static long percentile(List<Long> sorted, double p) {
            return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p) - 1));
        }

        private void delivery(java.time.Instant since) {
            // Every approval queued a notice for the bridge; a citizen who has not written in 24 hours gets a template
            // first (sent now) and the PDF when they answer (held in WAITING_WINDOW), as on WhatsApp.
            await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> count(
                    "SELECT count(*) FROM bridge.outbox WHERE created_at >= ? AND state = 'PENDING'", since) == 0);
            var sent = jdbc.sql("SELECT count(*), extract(epoch FROM max(updated_at) - min(created_at)),"
                            + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at)),"
                            + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM updated_at - created_at))"
                            + " FROM bridge.outbox WHERE created_at >= ? AND wamid IS NOT NULL")
                    .param(java.sql.Timestamp.from(since))
                    .query((rs, i) -> new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)})
                    .single();
            rows.add(String.format(Locale.ROOT, "| WhatsApp messages the bridge sent for the run's notices (queued ->"
                    + " accepted by the Graph API: p50 %.2f s, p99 %.2f s) | %,.0f in %.0f s | %.1f/s |", sent[2], sent[3],
                    sent[0], sent[1], sent[0] / Math.max(1, sent[1])));
        }

        private void verifierColdPath() throws Exception {
            String created = Load.send(new Load.Call(Platform.VERIFIER + "/api/v1/admin/api-keys",
                    Map.of("X-Api-Key", platform.env("VERIFIER_ADMIN_KEY")),
                    "{\"name\":\"scale run\",\"perMinute\":1000000}")).body();
            Map<String, String> key = Map.of("X-Api-Key", Platform.jsonField(created, "key"));
            String[] ids = issued.toArray(String[]::new);
            List<String> qrs = jdbc.sql("SELECT qr_text FROM issuer.certificate WHERE id = ANY (?)").param(ids)
                    .query(String.class).list();
            Load.Outcome trivial = Load.closedLoop(CLIENTS * 2, Duration.ofSeconds(10), Integer.MAX_VALUE,
                    n -> new Load.Call(Platform.VERIFIER + "/actuator/health/liveness", Map.of(), null), false);
            row("verifier trivial endpoint (liveness), baseline", trivial, 1.0);
            Load.Outcome cold = Load.closedLoop(CLIENTS * 2, Duration.ofMinutes(5), qrs.size(),
                    n -> new Load.Call(Platform.VERIFIER + "/api/v1/verify", key,
                            "{\"qr\":\"" + qrs.get(n) + "\"}"), true);
            long valid = cold.okBodies().stream().filter(b -> b.contains("\"VALID\"")).count();
            row("verifier cold path (" + qrs.size() + " distinct, each once; " + valid + " VALID)", cold,
                    cold.perSecond() / trivial.perSecond());
        }

        private void awaitAnchored(Duration atMost) {
            String[] ids = issued.toArray(String[]::new);
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM issuer.certificate WHERE id = ANY (?) AND anchored_at IS NULL")
                    .param((Object) ids).query(Long.class).single() == 0);
        }

        private void report(long before, long after, Map<String, Long> bytesBefore, Map<String, Long> bytesAfter,
                            Load.Outcome byKey) {
            long fresh = after - before;
            out("");
            out("| at %,d certificates | measured | x baseline |", after);
            out("| --- | ---: | ---: |");
            rows.forEach(System.out::println);
            out("");
            out("| CPU ms per certificate, by part | %s |", String.join(" | ", platform.cpuMillis().keySet()));
            out("| --- |%s", " ---: |".repeat(platform.cpuMillis().size()));
            cpuRows.forEach((what, cells) -> out("| %s | %s |", what, cells));
            out("");
            out("| database bytes per certificate | all %,d | the %,d made through the API in this run |", after, fresh);
            out("| --- | ---: | ---: |");
            for (String schema : bytesAfter.keySet()) {
                long grown = bytesAfter.get(schema) - bytesBefore.getOrDefault(schema, 0L);
                out("| %s | %,.0f | %,.0f |", schema, bytesAfter.get(schema) / (double) after,
                        fresh == 0 ? 0 : grown / (double) fresh);
            }
        }

        private void row(String what, Load.Outcome outcome, double ratio) {
            rows.add(String.format(Locale.ROOT, "| %s | %,.1f/s (%,d in %.0f s%s) | %.3f |", what, outcome.perSecond(),
                    outcome.ok(), outcome.seconds(), outcome.failed() > 0 ? ", " + outcome.failed() + " refused" : "",
                    ratio));
        }

        private long count(String sql, Object... params) {
            var statement = jdbc.sql(sql);
            for (Object p : params) {
                statement = statement.param(p instanceof java.time.Instant i ? java.sql.Timestamp.from(i) : p);
            }
            return statement.query(Long.class).single();
        }
    }

    /** A name may hold letters only: 0 -> A, 27 -> BB. */
    static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }
}
