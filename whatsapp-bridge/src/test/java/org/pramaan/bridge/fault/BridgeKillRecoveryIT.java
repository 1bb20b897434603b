package org.pramaan.bridge.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeProcess;
import org.pramaan.bridge.support.StandInIssuer;
import org.pramaan.bridge.support.WebhookLoad;
import org.pramaan.bridge.webhook.WebhookSignature;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * kill -9 in the middle of webhook load: everything acknowledged is still there after the restart and is processed
 * exactly once, counted through the read receipt every processed message queues. Runs the packaged jar as its own
 * process, so it is an integration test (failsafe, after packaging).
 */
class BridgeKillRecoveryIT {

    private static final String SECRET = "kill-test-secret";
    private static final String NUMBER_ID = "100000000000009";
    /** The load of the ingest benchmark's goal, so the crash happens under the traffic the bridge is built for. */
    private static final int INGEST_GOAL_PER_SECOND = 1000;
    private static final int TOTAL = 5000;

    @TempDir
    Path home;

    @Test
    void nothingAcknowledgedIsLostAndNothingIsProcessedTwice() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                StandInIssuer issuer = new StandInIssuer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres&password=postgres";
            Map<String, String> env = Map.of("DATABASE_URL", url, "WHATSAPP_APP_SECRET", SECRET,
                    "WHATSAPP_VERIFY_TOKEN", "v", "WHATSAPP_PHONE_NUMBER_ID", NUMBER_ID, "BRIDGE_TOKEN", "t",
                    "PRAMAAN_HOME", home.toString(), "ISSUER_BASE_URL", issuer.baseUrl(),
                    "BRIDGE_SIMULATOR_ENABLED", "true", "WHATSAPP_GRAPH_BASE_URL", "");
            Path jar = Path.of(System.getProperty("bridge.jar", "target/whatsapp-bridge-0.1.0-SNAPSHOT.jar"));
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(url, true));

            try (BridgeProcess first = new BridgeProcess(jar, env, home.resolve("bridge-1.log"))) {
                first.start();
                // A citizen in the middle of a form: the conversation must resume after the crash.
                String citizen = "919811100001";
                post(first.port, WebhookPayloads.text(citizen, "wamid.resume.1", Instant.now(), "hi"), citizen);
                post(first.port, WebhookPayloads.reply(citizen, "wamid.resume.2", Instant.now(), "button_reply",
                        "lang:en", "English"), citizen);
                post(first.port, WebhookPayloads.reply(citizen, "wamid.resume.3", Instant.now(), "button_reply",
                        "start:REV-INCOME", "Start"), citizen);
                await().atMost(Duration.ofSeconds(30)).until(() -> count(db,
                        "SELECT count(*) FROM bridge.conversation WHERE citizen_id = '" + citizen + "' AND step = 'FORM'") == 1);

                CompletableFuture<WebhookLoad.Result> load = CompletableFuture.supplyAsync(() ->
                        WebhookLoad.run(first.port, SECRET, NUMBER_ID, INGEST_GOAL_PER_SECOND, TOTAL, 300, "kill"));
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> count(db, "SELECT count(*) FROM bridge.inbox WHERE event_key LIKE 'wamid.kill.%'") >= 600);
                first.kill();
                WebhookLoad.Result result = load.join();

                List<String> acknowledged = result.acknowledged();
                assertThat(acknowledged.size()).as("some were acknowledged before the kill").isGreaterThanOrEqualTo(300);
                assertThat(acknowledged.size()).as("the kill happened mid-load").isLessThan(TOTAL);
                Set<String> stored = new HashSet<>(db.queryForList(
                        "SELECT event_key FROM bridge.inbox WHERE event_key LIKE 'wamid.kill.%'", String.class));
                assertThat(stored).as("every acknowledged notification survived the kill").containsAll(acknowledged);

                try (BridgeProcess second = new BridgeProcess(jar, env, home.resolve("bridge-2.log"))) {
                    second.start();
                    // Meta retries what it saw acknowledged (and what it did not): duplicates must change nothing.
                    // Meta keeps retrying until acknowledged; so do we, in bounded rounds.
                    Set<String> seen = new HashSet<>();
                    for (int round = 0; round < 10 && seen.size() < TOTAL; round++) {
                        List<Integer> missing = java.util.stream.IntStream.range(0, TOTAL)
                                .filter(i -> !seen.contains("wamid.kill." + i)).boxed().toList();
                        seen.addAll(WebhookLoad.run(second.port, SECRET, NUMBER_ID, 300, missing, 300, "kill")
                                .acknowledged());
                    }
                    assertThat(seen).hasSize(TOTAL);
                    post(second.port, WebhookPayloads.text(citizen, "wamid.resume.4", Instant.now(),
                            "Kondapalli Ramesh"), citizen);

                    await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                            .until(() -> count(db, "SELECT count(*) FROM bridge.inbox WHERE processed_at IS NULL") == 0);

                    assertThat(count(db, "SELECT count(*) FROM bridge.inbox WHERE event_key LIKE 'wamid.kill.%'"))
                            .isEqualTo(TOTAL);
                    assertThat(count(db, "SELECT count(*) FROM bridge.inbox WHERE outcome LIKE 'FAILED%'")).isZero();
                    List<Map<String, Object>> twice = db.queryForList("""
                            SELECT payload::json->>'message_id' AS id, count(*) FROM bridge.outbox WHERE kind = 'read'
                            GROUP BY 1 HAVING count(*) > 1""");
                    assertThat(twice).as("messages processed more than once").isEmpty();
                    assertThat(count(db, "SELECT count(*) FROM bridge.outbox WHERE kind = 'read' "
                            + "AND payload LIKE '%wamid.kill.%'")).as("every message processed once").isEqualTo(TOTAL);
                    assertThat(db.queryForList("SELECT payload FROM bridge.outbox WHERE citizen_id = ? ORDER BY seq",
                            String.class, citizen)).as("the form resumed at question 2")
                            .anyMatch(p -> p.contains("Question 2 of 4"));
                }
            }
        }
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static void post(int port, tools.jackson.databind.node.ObjectNode message, String from) throws Exception {
        byte[] body = WebhookPayloads.envelope(NUMBER_ID, from, "R", message).getBytes(StandardCharsets.UTF_8);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/webhook"))
                .header("X-Hub-Signature-256", new WebhookSignature(SECRET).sign(body))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
