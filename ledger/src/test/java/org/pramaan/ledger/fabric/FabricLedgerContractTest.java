package org.pramaan.ledger.fabric;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerContractSuite;
import org.pramaan.ledger.TestDatabase;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.pramaan.network.DevNetwork;

/**
 * The ledger contract suite through FabricLedger: fabric-gateway over TLS to the development peer,
 * which runs the chaincode jar as a service. Each test gets a network of its own, so an empty ledger.
 */
class FabricLedgerContractTest extends LedgerContractSuite {

    private final Map<LedgerIdentity, Ledger> ledgers = new HashMap<>();
    private DevNetwork network;
    private FabricLedger fabric;

    @Override
    protected Ledger ledgerAs(LedgerIdentity identity) {
        if (fabric == null) {
            network = DevNetworks.fresh();
            fabric = FabricLedger.connect(network.connectionFile(), TestDatabase.fresh(), DevNetworks.TEST_SETTINGS);
        }
        return ledgers.computeIfAbsent(identity, who -> fabric.ledger(DevNetworks.NAMES.get(who)));
    }

    @AfterEach
    void close() {
        if (fabric != null) {
            fabric.close();
        }
        if (network != null) {
            network.close();
        }
    }
}
