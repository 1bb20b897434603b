package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.TestDatabase;

/** A ledger whose peer is not there: every call fails fast as UNAVAILABLE, and nothing is retried blindly. */
class FabricLedgerPeerDownTest {

    @TempDir
    Path folder;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private FabricLedger fabric;

    @BeforeEach
    void connect() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = ConnectionFiles.write(folder, "127.0.0.1:" + closedPort, ConnectionFiles.fixtureIdentities());
        fabric = FabricLedger.connect(file, TestDatabase.fresh(), FabricLedger.Settings.defaults(), meters, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        fabric.close();
    }

    @Test
    void queriesAndSubmitsFailAsUnavailableWellWithinTheirDeadlines() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> fabric.ledger("verifier").read(LedgerFixtures.revenueCertificate(1).id().toString()))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("evaluate of ReadCertificate failed: UNAVAILABLE");
                    assertThat(e.transactionId()).isPresent();
                });
        assertThatThrownBy(() -> fabric.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(1))))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("endorse of IssueCertificates failed: UNAVAILABLE");
                });

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(meters.get(FabricTransactor.TIMER).tags("function", "IssueCertificates", "outcome", "UNAVAILABLE")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void anUnknownIdentityNamesTheKnownOnes() {
        assertThat(fabric.identities()).containsExactly("HLT", "REV", "admin", "auditor", "verifier");
        assertThatThrownBy(() -> fabric.ledger("EDU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no identity 'EDU'")
                .hasMessageContaining("(known: HLT, REV, admin, auditor, verifier)");
    }
}
