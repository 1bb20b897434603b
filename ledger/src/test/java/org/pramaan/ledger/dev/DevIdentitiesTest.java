package org.pramaan.ledger.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerFixtures;

class DevIdentitiesTest {

    @TempDir
    Path folder;

    @Test
    void identitiesAreKeptBetweenRunsAndWorkOnADevLedger() throws Exception {
        DevIdentities first = DevIdentities.open(folder, Clock.systemUTC());
        DevIdentities second = DevIdentities.open(folder, Clock.systemUTC());
        assertThat(second.issuer("REV").certificate()).isEqualTo(first.issuer("REV").certificate());

        DataSource database = TestDatabase.fresh();
        DevLedger.Settings settings = DevLedger.Settings.of(second.organisations());
        try (Ledger admin = DevLedger.open(database, second.admin(), settings, Clock.systemUTC());
             Ledger issuer = DevLedger.open(database, second.issuer("REV"), settings, Clock.systemUTC());
             Ledger auditor = DevLedger.open(database, second.auditor(), settings, Clock.systemUTC())) {
            admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
            admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
            var request = LedgerFixtures.revenueCertificate(1);
            issuer.issue(List.of(request));
            assertThat(auditor.read(request.id().toString())).isPresent();
        }
    }
}
