package org.pramaan.verifier.verification;

import org.pramaan.verifier.ledger.LedgerHealth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.credential.SignedCredential;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ledger goes away for real: the development peer is stopped. What the ledger confirmed before
 * is still answered, marked not fresh, with its age; what it never confirmed is UNAVAILABLE ("we
 * cannot check right now"), never NOT_ANCHORED (what a fake gets); the ledger shows DEGRADED in
 * health while the service stays ready. The peer comes back and so do fresh answers.
 */
class LedgerOutageTest extends VerifierIntegrationTest {

    @Autowired
    private ProjectionCurrency currency;

    @Test
    void whatTheLedgerConfirmedIsAnsweredAsStaleAndNothingElseIsConfirmed() throws Exception {
        SignedCredential known = revenue().issue("Known Before Outage");
        SignedCredential unknown = revenue().issue("Never Asked Before Outage");
        Clock clock = Clock.systemUTC();
        // Freshness zero: every lookup asks the ledger, so the outage is noticed at once.
        VerifierProperties properties = new VerifierProperties(Path.of("target/test-home"), null, "",
                DevNetwork.shared().connectionFile().toString(), 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        try (FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                new FabricLedger.Settings(Duration.ofSeconds(2), null, null, null, null, null, null, null, null))) {
            LedgerStatuses statuses = new LedgerStatuses(fabric.ledger("verifier"),
                    new AnchorBlocks(new JdbcTemplate(dataSource)), new LedgerHealth(clock, properties), clock, properties);

            LedgerFinding before = lookup(statuses, known);
            assertThat(before.result()).contains(Verification.Result.VALID);
            assertThat(before.evidence().fresh()).isTrue();

            DevNetwork.shared().stopPeer();
            try {
                // The verifier's copy of the ledger stops answering once its event stream has failed: then the
                // ledger is asked, and cannot be.
                await().atMost(Duration.ofSeconds(10)).until(() -> !currency.current());
                LedgerFinding during = lookup(statuses, known);
                assertThat(during.result()).contains(Verification.Result.VALID);
                assertThat(during.evidence().fresh()).as("the last known answer, said to be stale").isFalse();
                assertThat(during.evidence().checkedAt()).isEqualTo(before.evidence().checkedAt());

                LedgerFinding neverConfirmed = lookup(statuses, unknown);
                assertThat(neverConfirmed.result()).isEqualTo(Optional.empty());
                assertThat(neverConfirmed.evidence().fresh()).isFalse();

                long started = System.nanoTime();
                JsonNode answer = verify(unknown);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within the ledger deadline")
                        .isLessThan(Duration.ofSeconds(5));
                assertThat(answer.path("status").asString()).isEqualTo("UNAVAILABLE");
                assertThat(answer.path("message").asString()).contains("try again in a minute");

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as("still ready: cached answers flow").isEqualTo(200);
                assertThat(health.body()).contains("DEGRADED");
            } finally {
                DevNetwork.shared().startPeer();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(lookup(statuses, unknown).result()).contains(Verification.Result.VALID));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(verify(unknown).path("status").asString()).isEqualTo("VALID"));
        }
    }

    private static LedgerFinding lookup(LedgerStatuses statuses, SignedCredential credential) {
        return statuses.lookup(credential.claims().certificateId().toString(), credential.claimsHashHex());
    }
}
