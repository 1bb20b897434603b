package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.certificate.Verification;
import org.pramaan.credential.SignedCredential;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.dev.DevIdentities;
import org.pramaan.ledger.dev.DevLedger;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger goes away for real: the verifier's DevLedger loses its database connection pool. What
 * the ledger confirmed before is still answered, marked not fresh; what it never confirmed is never
 * called anchored.
 */
class LedgerOutageTest extends VerifierIntegrationTest {

    @Test
    void whatTheLedgerConfirmedIsAnsweredAsStaleAndNothingElseIsConfirmed() throws Exception {
        SignedCredential known = revenue().issue("Known Before Outage");
        SignedCredential unknown = revenue().issue("Never Asked Before Outage");
        Clock clock = Clock.systemUTC();
        // Freshness zero: every lookup asks the ledger, so the outage is noticed at once.
        VerifierProperties properties = new VerifierProperties(Path.of("target/test-home"), null, "", "", "", "dev", 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        HikariDataSource ledgerPool = new HikariDataSource();
        ledgerPool.setJdbcUrl(((HikariDataSource) dataSource).getJdbcUrl());
        ledgerPool.setUsername("postgres");
        ledgerPool.setPassword("postgres");
        DevIdentities identities = DevIdentities.open(Path.of("target/test-home/ledger"), clock);
        try (Ledger ledger = DevLedger.open(ledgerPool, identities.verifier(), DevLedger.Settings.of(identities.organisations()), clock)) {
            LedgerStatuses statuses = new LedgerStatuses(ledger, new AnchorBlocks(new JdbcTemplate(dataSource)),
                    new LedgerHealth(clock, properties), clock, properties);

            LedgerFinding before = lookup(statuses, known);
            assertThat(before.result()).contains(Verification.Result.VALID);
            assertThat(before.evidence().fresh()).isTrue();

            ledgerPool.close();

            LedgerFinding during = lookup(statuses, known);
            assertThat(during.result()).contains(Verification.Result.VALID);
            assertThat(during.evidence().fresh()).as("the last known answer, said to be stale").isFalse();
            assertThat(during.evidence().checkedAt()).isEqualTo(before.evidence().checkedAt());

            LedgerFinding neverConfirmed = lookup(statuses, unknown);
            assertThat(neverConfirmed.result()).isEqualTo(Optional.empty());
            assertThat(neverConfirmed.evidence().fresh()).isFalse();
        }
    }

    private static LedgerFinding lookup(LedgerStatuses statuses, SignedCredential credential) {
        return statuses.lookup(credential.claims().certificateId().toString(), credential.claimsHashHex());
    }
}
