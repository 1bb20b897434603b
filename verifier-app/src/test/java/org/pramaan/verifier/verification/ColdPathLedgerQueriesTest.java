package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.credential.SignedCredential;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.ledger.LedgerHealth;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A bank's first check of a certificate (the cold path) asks the ledger once: the anchoring transaction and block
 * come from the CertificateIssued event this verifier recorded. Only a certificate whose event has not arrived costs
 * a second query (its history), and both ways give the same evidence.
 */
class ColdPathLedgerQueriesTest extends VerifierIntegrationTest {

    @Test
    void aCertificateWhoseEventArrivedCostsOneLedgerQuery() throws Exception {
        SignedCredential credential = revenue().issue("Cold Path Once");
        String id = credential.claims().certificateId().toString();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM verifier.anchor WHERE certificate_id = ?", Integer.class, id) == 1);
        Clock clock = Clock.systemUTC();
        // Freshness zero: every lookup asks the ledger.
        VerifierProperties properties = new VerifierProperties(Path.of("target/test-home"), null, "",
                DevNetwork.shared().connectionFile().toString(), 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        try (FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                new FabricLedger.Settings(Duration.ofSeconds(10), null, null, null, null, null, null, null, null))) {
            List<String> queries = new CopyOnWriteArrayList<>();
            Ledger real = fabric.ledger("verifier");
            Ledger counted = (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                    (proxy, method, args) -> {
                        queries.add(method.getName());
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            AnchorBlocks anchors = new AnchorBlocks(jdbc);
            LedgerStatuses statuses = new LedgerStatuses(counted, anchors, new LedgerHealth(clock, properties), clock,
                    properties);

            LedgerFinding withEvent = statuses.lookup(id, credential.claimsHashHex());
            assertThat(queries).containsExactly("verify");
            assertThat(withEvent.result()).contains(Verification.Result.VALID);
            AnchorBlocks.Anchor anchor = anchors.of(id).orElseThrow();
            assertThat(withEvent.evidence().transactionId()).isEqualTo(anchor.transactionId());
            assertThat(withEvent.evidence().blockNumber()).isEqualTo(anchor.blockNumber());

            // Without the event the history says the same transaction and time, at the cost of a second query.
            jdbc.update("DELETE FROM verifier.anchor WHERE certificate_id = ?", id);
            queries.clear();
            LedgerFinding withoutEvent = statuses.lookup(id, credential.claimsHashHex());
            assertThat(queries).containsExactly("verify", "history");
            assertThat(withoutEvent.evidence().transactionId()).isEqualTo(anchor.transactionId());
            // The same transaction time: the record keeps it to the nanosecond, the development peer's history (in
            // PostgreSQL) to the nearest microsecond.
            assertThat(Duration.between(withoutEvent.evidence().anchoredAt(), withEvent.evidence().anchoredAt()).abs())
                    .isLessThanOrEqualTo(Duration.ofNanos(500));
            jdbc.update("INSERT INTO verifier.anchor (certificate_id, transaction_id, block_number) VALUES (?, ?, ?)",
                    id, anchor.transactionId(), anchor.blockNumber());
        }
    }
}
