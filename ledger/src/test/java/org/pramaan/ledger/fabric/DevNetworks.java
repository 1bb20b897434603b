package org.pramaan.ledger.fabric;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.pramaan.network.DevNetwork;
import org.pramaan.network.DevNetworkSettings;

/** Development networks for the FabricLedger tests, and the identity names the suite's identities have there. */
final class DevNetworks {

    /** The suite's identities by their name in the network's connection file. */
    static final Map<LedgerIdentity, String> NAMES = Map.of(
            LedgerFixtures.ADMIN, "admin",
            LedgerFixtures.REV_ISSUER, "REV",
            LedgerFixtures.HLT_ISSUER, "HLT",
            LedgerFixtures.VERIFIER, "verifier",
            LedgerFixtures.AUDITOR, "auditor");

    /** Short waits, so that fault tests see reconnects quickly. */
    static final FabricLedger.Settings TEST_SETTINGS = new FabricLedger.Settings(null, null, null, null, null, null,
            Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(500));

    private DevNetworks() {
    }

    /** A network of its own with an empty ledger: the peer, its database and a chaincode server. */
    static DevNetwork fresh() {
        return DevNetwork.start(DevNetworkSettings.fromSystemProperties().withDepartments(List.of("REV", "HLT")));
    }

    /** Waits for a condition, failing with {@code what} after {@code timeout}. */
    static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
