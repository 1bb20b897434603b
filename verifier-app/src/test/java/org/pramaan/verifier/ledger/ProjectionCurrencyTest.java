package org.pramaan.verifier.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.support.MutableClock;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * When the copy of the ledger may answer: a real event stream from the development peer, a clock the test moves.
 * Connected and silent for the quiet time, or applying events committed within the allowed lag: current. Just
 * connected, replaying old events, applying one, closed, disabled, or with the ledger out of reach: not.
 */
class ProjectionCurrencyTest extends VerifierIntegrationTest {

    @Test
    void currentOnlyWhileConnectedCaughtUpAndReached() {
        VerifierProperties properties = new VerifierProperties(Path.of("target/test-home"), null, "",
                DevNetwork.shared().connectionFile().toString(), 0, 0, 0,
                Duration.ZERO, Duration.ofSeconds(90), Duration.ofSeconds(30), 0, "");
        try (FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                FabricLedger.Settings.defaults())) {
            EventSubscription stream = fabric.ledger("verifier").subscribe("currency-test-" + System.nanoTime(), event -> {
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.connectedSince().isPresent());
            MutableClock clock = new MutableClock(stream.connectedSince().get());
            LedgerHealth health = new LedgerHealth(clock, properties);
            ProjectionCurrency currency = new ProjectionCurrency(clock, health, ProjectionProperties.defaults(),
                    new SimpleMeterRegistry());
            assertThat(currency.current()).as("following nothing").isFalse();
            currency.following(stream);
            assertThat(currency.current()).as("the ledger never reached").isFalse();
            health.reached();
            assertThat(currency.current()).as("just connected: the peer may still be sending").isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(currency.current()).as("connected and silent for the quiet time").isTrue();

            currency.applying();
            assertThat(currency.current()).as("an event in hand").isFalse();
            currency.applied(Optional.of(clock.instant().minusSeconds(30)));
            assertThat(currency.current()).as("replaying: the event was committed long ago").isFalse();
            clock.advance(Duration.ofMillis(500));
            currency.applying();
            currency.applied(Optional.of(clock.instant().minusSeconds(29)));
            clock.advance(Duration.ofMillis(900));
            assertThat(currency.current()).as("still replaying, events back to back").isFalse();
            clock.advance(Duration.ofMillis(100));
            assertThat(currency.current()).as("silent again: caught up").isTrue();

            currency.applying();
            currency.applied(Optional.of(clock.instant().minusSeconds(2)));
            assertThat(currency.current()).as("an event committed within the allowed lag").isTrue();

            clock.advance(Duration.ofSeconds(91));
            assertThat(currency.current()).as("the ledger not reached within the contact window").isFalse();
            health.reached();
            assertThat(currency.current()).isTrue();
            // One slow or failed ledger call (a trust refresh past its deadline under load) is not a peer that stopped
            // answering: sending every first check to that peer would only make it slower.
            health.failed(new IllegalStateException("DEADLINE_EXCEEDED"));
            assertThat(currency.current()).as("one failure within the contact window").isTrue();
            clock.advance(Duration.ofSeconds(91));
            assertThat(currency.current()).as("no answer for the whole contact window").isFalse();
            health.reached();

            ProjectionCurrency disabled = new ProjectionCurrency(clock, health,
                    new ProjectionProperties(false, null, null, null), new SimpleMeterRegistry());
            disabled.following(stream);
            assertThat(disabled.current()).as("switched off").isFalse();

            stream.close();
            assertThat(stream.connectedSince()).isEmpty();
            assertThat(currency.current()).as("the stream closed").isFalse();
            currency.following(null);
            assertThat(currency.current()).isFalse();
        }
    }
}
