package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.ledger.LedgerHealth;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.ledger.ProjectionProperties;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The copy of the ledger held in memory: a first check of a certificate it holds reads no table, and answers exactly
 * what the tables answer (status and evidence) for a valid, revoked, superseded and held certificate; a tampered
 * credential and one it does not hold are read from the tables (and an unanchored one then asked of the ledger); a
 * copy that is not current is not used. Each event's change reaches the in-memory answer; a restart loads it again
 * from the tables.
 */
class MemoryProjectionTest extends VerifierIntegrationTest {

    @Autowired
    private LedgerProjection projection;
    @Autowired
    private ProjectionCurrency currency;
    @Autowired
    private MeterRegistry meters;

    @Test
    void answersFromMemoryWhatTheTablesAnswer() {
        SignedCredential valid = revenue().issue("Memory Valid");
        SignedCredential anchored = revenue().issue("Memory Original");
        CertificateClaims original = anchored.claims();
        SignedCredential tampered = revenue().sign(new CertificateClaims(original.issuer(), original.certificateId(),
                original.issuedAt(), original.expiresAt(), new CertificateBody(original.body().type(), "Someone Else",
                original.body().fields(), original.body().language())));
        SignedCredential revoked = revenue().issue("Memory Revoked");
        revenue().revoke(revoked);
        SignedCredential superseded = revenue().issue("Memory Superseded");
        SignedCredential replacement = revenue().issue("Memory Replacement");
        revenue().supersede(superseded, replacement);
        SignedCredential held = revenue().issue("Memory Held");
        revenue().hold(held);
        SignedCredential never = revenue().sign(revenue().claims("Memory Never Anchored"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM verifier.certificate_state WHERE certificate_id IN (?, ?, ?)", Integer.class,
                id(revoked), id(superseded), id(held)) == 3 && currency.current());
        LedgerProjection tablesOnly = new LedgerProjection(jdbc, currency, Clock.systemUTC());

        expect(valid, Verification.Result.VALID, "memory", tablesOnly);
        expect(revoked, Verification.Result.REVOKED, "memory", tablesOnly);
        expect(superseded, Verification.Result.REVOKED, "memory", tablesOnly);
        expect(held, Verification.Result.ON_HOLD, "memory", tablesOnly);
        expect(tampered, Verification.Result.HASH_MISMATCH, "database", tablesOnly);
        assertThat(projection.find(id(superseded), superseded.claimsHashHex()).orElseThrow().evidence().replacedBy())
                .isEqualTo(id(replacement));

        double fromDatabase = answers("database");
        assertThat(projection.find(id(never), never.claimsHashHex())).as("unknown: the ledger is asked").isEmpty();
        assertThat(answers("database")).as("after the tables were read").isEqualTo(fromDatabase + 1);

        // Not current (a stream replaying, a lag): neither memory nor the tables answer, the ledger does.
        VerifierProperties properties = new VerifierProperties(java.nio.file.Path.of("target/test-home"), null, "",
                org.pramaan.network.DevNetwork.shared().connectionFile().toString(),
                0, 0, 0, Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        ProjectionCurrency stopped = new ProjectionCurrency(Clock.systemUTC(), new LedgerHealth(Clock.systemUTC(), properties),
                ProjectionProperties.defaults(), new SimpleMeterRegistry());
        LedgerProjection behind = new LedgerProjection(jdbc, stopped, Clock.systemUTC(), ProjectionProperties.defaults(),
                new SimpleMeterRegistry());
        behind.load();
        assertThat(behind.inMemory()).isGreaterThanOrEqualTo(6);
        assertThat(behind.find(id(valid), valid.claimsHashHex())).isEmpty();
    }

    @Test
    void eachEventReachesTheInMemoryAnswer() {
        SignedCredential credential = revenue().issue("Memory Changes");
        awaitAnswer(credential, Verification.Result.VALID);
        revenue().hold(credential);
        awaitAnswer(credential, Verification.Result.ON_HOLD);
        revenue().release(credential);
        awaitAnswer(credential, Verification.Result.VALID);
        revenue().revoke(credential);
        awaitAnswer(credential, Verification.Result.REVOKED);
        double fromMemory = answers("memory");
        LedgerFinding finding = projection.find(id(credential), credential.claimsHashHex()).orElseThrow();
        assertThat(answers("memory")).as("answered from memory").isEqualTo(fromMemory + 1);
        assertThat(finding.evidence().revocationReason()).hasToString("ISSUED_IN_ERROR");
        assertThat(finding.evidence().revokedAt()).isNotNull();
    }

    @Test
    void aRestartLoadsTheTablesIntoMemoryNewestFirstUpToItsLimit() {
        SignedCredential older = revenue().issue("Memory Restart Older");
        SignedCredential newer = revenue().issue("Memory Restart Newer");
        awaitAnswer(newer, Verification.Result.VALID);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        SimpleMeterRegistry restartedMeters = new SimpleMeterRegistry();
        LedgerProjection restarted = new LedgerProjection(jdbc, currency, Clock.systemUTC(), ProjectionProperties.defaults(),
                restartedMeters);
        assertThat(restarted.find(id(older), older.claimsHashHex()).flatMap(LedgerFinding::result)).contains(Verification.Result.VALID);
        assertThat(restartedMeters.counter("verifier.projection.answers", "store", "database").count()).isEqualTo(1);
        restarted.load();
        assertThat(restarted.inMemory()).isGreaterThanOrEqualTo(2);
        assertThat(restarted.find(id(older), older.claimsHashHex()).flatMap(LedgerFinding::result)).contains(Verification.Result.VALID);
        assertThat(restartedMeters.counter("verifier.projection.answers", "store", "memory").count()).isEqualTo(1);

        LedgerProjection small = new LedgerProjection(jdbc, currency, Clock.systemUTC(),
                new ProjectionProperties(null, null, null, 1), new SimpleMeterRegistry());
        small.load();
        assertThat(small.inMemory()).isEqualTo(1);
        assertThat(small.find(id(older), older.claimsHashHex()).flatMap(LedgerFinding::result))
                .as("beyond the limit: from the tables").contains(Verification.Result.VALID);
    }

    /** Waits until the answer is {@code expected}, then checks it came from memory. */
    private void awaitAnswer(SignedCredential credential, Verification.Result expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> currency.current()
                && projection.find(id(credential), credential.claimsHashHex()).flatMap(LedgerFinding::result)
                .equals(Optional.of(expected)));
        double fromMemory = answers("memory");
        assertThat(projection.find(id(credential), credential.claimsHashHex()).flatMap(LedgerFinding::result)).contains(expected);
        assertThat(answers("memory")).as("answered from memory").isEqualTo(fromMemory + 1);
    }

    private void expect(SignedCredential credential, Verification.Result expected, String store, LedgerProjection tablesOnly) {
        double before = answers(store);
        LedgerFinding fromMemory = projection.find(id(credential), credential.claimsHashHex()).orElseThrow();
        assertThat(answers(store)).as(credential.claims().body().holderName() + " answered from " + store).isEqualTo(before + 1);
        LedgerFinding fromTables = tablesOnly.find(id(credential), credential.claimsHashHex()).orElseThrow();
        assertThat(fromMemory.result()).as(credential.claims().body().holderName()).contains(expected);
        assertThat(withoutCheckTime(fromMemory.evidence())).isEqualTo(withoutCheckTime(fromTables.evidence()));
    }

    private double answers(String store) {
        return meters.counter("verifier.projection.answers", "store", store).count();
    }

    private static String id(SignedCredential credential) {
        return credential.claims().certificateId().toString();
    }

    private static LedgerEvidence withoutCheckTime(LedgerEvidence evidence) {
        return new LedgerEvidence(evidence.transactionId(), evidence.blockNumber(), evidence.anchoredAt(),
                evidence.revokedAt(), evidence.revocationReason(), null, evidence.fresh(), evidence.replacedBy());
    }
}
