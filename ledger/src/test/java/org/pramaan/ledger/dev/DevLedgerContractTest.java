package org.pramaan.ledger.dev;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerContractSuite;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.identity.LedgerIdentity;

/** The ledger contract suite against DevLedger on a real PostgreSQL. */
class DevLedgerContractTest extends LedgerContractSuite {

    private final DataSource database = TestDatabase.fresh();
    private final Map<LedgerIdentity, Ledger> ledgers = new HashMap<>();

    @Override
    protected Ledger ledgerAs(LedgerIdentity identity) {
        return ledgers.computeIfAbsent(identity, who ->
                DevLedger.open(database, who, DevLedger.Settings.of(LedgerFixtures.organisations()), Clock.systemUTC()));
    }

    @AfterEach
    void close() {
        ledgers.values().forEach(Ledger::close);
    }
}
