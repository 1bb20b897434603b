package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.SignedCredential;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.ledger.LedgerHealth;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.ledger.ProjectionProperties;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * First checks answered from the verifier's copy of the ledger: no ledger query, and the very answer the ledger
 * gives (status and evidence) for a valid, tampered, revoked, superseded and held certificate. What the copy does not
 * know (never anchored) and everything while the copy is not current is asked of the ledger, as before. A revocation
 * reaches the API's answer with its event: once the copy has it, no VALID is answered.
 */
class LedgerProjectionTest extends VerifierIntegrationTest {

    @Autowired
    private LedgerProjection projection;
    @Autowired
    private ProjectionCurrency currency;
    @Autowired
    private MeterRegistry meters;

    @Test
    void theCopyAnswersAsTheLedgerDoesWithoutAskingIt() throws Exception {
        SignedCredential valid = revenue().issue("Projection Valid");
        SignedCredential anchored = revenue().issue("Projection Original");
        CertificateClaims original = anchored.claims();
        // Signed with the department's key under the same id, other contents: the ledger anchored another hash.
        SignedCredential tampered = revenue().sign(new CertificateClaims(original.issuer(), original.certificateId(),
                original.issuedAt(), original.expiresAt(), new CertificateBody(original.body().type(), "Someone Else",
                original.body().fields(), original.body().language())));
        SignedCredential revoked = revenue().issue("Projection Revoked");
        revenue().revoke(revoked);
        SignedCredential superseded = revenue().issue("Projection Superseded");
        SignedCredential replacement = revenue().issue("Projection Replacement");
        revenue().supersede(superseded, replacement);
        SignedCredential held = revenue().issue("Projection Held");
        revenue().hold(held);
        SignedCredential never = revenue().sign(revenue().claims("Projection Never Anchored"));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM verifier.certificate_state WHERE certificate_id IN (?, ?, ?)", Integer.class,
                id(revoked), id(superseded), id(held)) == 3 && currency.current());

        Clock clock = Clock.systemUTC();
        // Freshness zero: nothing is answered from the cache, every lookup is a first check.
        VerifierProperties properties = new VerifierProperties(Path.of("target/test-home"), null, "",
                DevNetwork.shared().connectionFile().toString(), 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        try (FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                new FabricLedger.Settings(Duration.ofSeconds(10), null, null, null, null, null, null, null, null))) {
            List<String> queries = new CopyOnWriteArrayList<>();
            Ledger counted = counting(fabric.ledger("verifier"), queries);
            AnchorBlocks anchors = new AnchorBlocks(jdbc);
            LedgerHealth health = new LedgerHealth(clock, properties);
            LedgerStatuses fromCopy = new LedgerStatuses(counted, projection, anchors, health, clock, properties,
                    new SimpleMeterRegistry());
            LedgerStatuses fromLedger = new LedgerStatuses(fabric.ledger("verifier"), anchors, health, clock, properties);

            Map<SignedCredential, Verification.Result> expected = new LinkedHashMap<>();
            expected.put(valid, Verification.Result.VALID);
            expected.put(tampered, Verification.Result.HASH_MISMATCH);
            expected.put(revoked, Verification.Result.REVOKED);
            expected.put(superseded, Verification.Result.REVOKED);
            expected.put(held, Verification.Result.ON_HOLD);
            for (Map.Entry<SignedCredential, Verification.Result> entry : expected.entrySet()) {
                LedgerFinding local = lookup(fromCopy, entry.getKey());
                LedgerFinding ledger = lookup(fromLedger, entry.getKey());
                assertThat(local.result()).as(entry.getKey().claims().body().holderName()).contains(entry.getValue());
                assertThat(local.result()).isEqualTo(ledger.result());
                assertThat(withoutCheckTime(local.evidence())).as(entry.getKey().claims().body().holderName())
                        .isEqualTo(withoutCheckTime(ledger.evidence()));
                assertThat(local.evidence().fresh()).isTrue();
            }
            assertThat(queries).as("no ledger query for what the copy knows").isEmpty();
            assertThat(lookup(fromCopy, superseded).evidence().replacedBy()).isEqualTo(id(replacement));
            assertThat(lookup(fromCopy, revoked).evidence().revocationReason()).isNotNull();

            LedgerFinding unknown = lookup(fromCopy, never);
            assertThat(queries).as("what the copy does not know is asked of the ledger").containsExactly("verify");
            assertThat(unknown.result()).contains(Verification.Result.NOT_FOUND);

            // A copy that is not current is not used: the same certificate is then asked of the ledger.
            ProjectionCurrency stopped = new ProjectionCurrency(clock, health, ProjectionProperties.defaults(),
                    new SimpleMeterRegistry());
            LedgerStatuses behind = new LedgerStatuses(counted, new LedgerProjection(jdbc, stopped, clock), anchors, health,
                    clock, properties, new SimpleMeterRegistry());
            queries.clear();
            assertThat(lookup(behind, valid).result()).contains(Verification.Result.VALID);
            assertThat(queries).containsExactly("verify");
        }
    }

    @Test
    void aRevocationReachesTheAnswerWithItsEventAndNoValidFollows() throws Exception {
        SignedCredential credential = revenue().issue("Projection Revoked Later");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM verifier.anchor WHERE certificate_id = ? AND claims_hash IS NOT NULL", Integer.class,
                id(credential)) == 1 && currency.current());
        double before = answers("projection");
        assertThat(verify(credential).path("status").asString()).isEqualTo("VALID");
        assertThat(answers("projection")).as("the first check came from the copy").isEqualTo(before + 1);

        revenue().revoke(credential);
        // The follower writes the revocation, then drops the cached VALID: from the moment the copy has it, the
        // answer is REVOKED, never the VALID cached a moment ago.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM verifier.certificate_state WHERE certificate_id = ? AND state = 'REVOKED'",
                Integer.class, id(credential)) == 1);
        var answer = verify(credential);
        assertThat(answer.path("status").asString()).isEqualTo("REVOKED");
        assertThat(answer.path("ledger").path("revocationReason").asString()).isEqualTo("ISSUED_IN_ERROR");
    }

    private double answers(String source) {
        return meters.counter("verifier.ledger.answers", "source", source).count();
    }

    private static String id(SignedCredential credential) {
        return credential.claims().certificateId().toString();
    }

    private static LedgerEvidence withoutCheckTime(LedgerEvidence evidence) {
        return new LedgerEvidence(evidence.transactionId(), evidence.blockNumber(), evidence.anchoredAt(),
                evidence.revokedAt(), evidence.revocationReason(), null, evidence.fresh(), evidence.replacedBy());
    }

    private static LedgerFinding lookup(LedgerStatuses statuses, SignedCredential credential) {
        return statuses.lookup(id(credential), credential.claimsHashHex());
    }

    private static Ledger counting(Ledger real, List<String> queries) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    queries.add(method.getName());
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
