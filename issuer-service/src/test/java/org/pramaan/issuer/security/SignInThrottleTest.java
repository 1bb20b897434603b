package org.pramaan.issuer.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limiter's rules without a server: failures cost, names are normalised, cycling names does not reset it. */
class SignInThrottleTest {

    private final SignInLimits limits = new SignInLimits(5, 20, Duration.ofMinutes(15), 1_000,
            Duration.ofHours(24));
    private final SignInThrottle throttle = new SignInThrottle(limits, new SimpleMeterRegistry());

    @Test
    void onlyFailuresCostAndAnExhaustedAccountIsRefusedWithAnHonestWait() {
        SignInAttempt attempt = new SignInAttempt("rev-officer", "10.0.0.1");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.refusal(attempt)).isEmpty();
            throttle.failed(attempt);
        }
        assertThat(throttle.refusal(attempt)).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofMinutes(14)).isLessThanOrEqualTo(Duration.ofMinutes(15)));
        assertThat(throttle.refusal(new SignInAttempt("other-officer", "10.0.0.1"))).isEmpty();
    }

    @Test
    void userNamesAreNormalisedBeforeCounting() {
        assertThat(SignInAttempt.normalise("twd-officer ")).isEqualTo("twd-officer");
        assertThat(SignInAttempt.normalise("twd-officer%20")).isEqualTo("twd-officer");
        assertThat(SignInAttempt.normalise("twd-officer%2520")).isEqualTo("twd-officer");
        assertThat(SignInAttempt.normalise(" TWD-Officer")).isEqualTo("twd-officer");
        assertThat(SignInAttempt.normalise("ｔｗｄ-officer")).isEqualTo("twd-officer");
        assertThat(SignInAttempt.normalise("twd\u200b-officer")).isEqualTo("twd-officer");
    }

    @Test
    void cyclingUserNamesDoesNotResetTheAddressLimit() {
        String address = "10.0.0.9";
        int refused = 0;
        for (int i = 0; i < 30_000; i++) {
            SignInAttempt attempt = new SignInAttempt("name-" + i, address);
            if (throttle.refusal(attempt).isPresent()) {
                refused++;
            } else {
                throttle.failed(attempt);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(30_000 - 20);
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(1_000 + 16);
    }

    @Test
    void anAttackerSpendingTheAddressBudgetDoesNotLockOutAnAccountThatSignedInFromThere() {
        // Found by the soak: behind one proxy (or on loopback) every caller shares an address; 50 wrong guesses
        // under cycling names then refused the bridge's and the officers' right passwords for 15 minutes.
        String proxy = "10.0.0.7";
        SignInAttempt bridge = new SignInAttempt("whatsapp-bridge", proxy);
        assertThat(throttle.refusal(bridge)).isEmpty();
        throttle.succeeded(bridge);
        for (int i = 0; i < 100; i++) {
            SignInAttempt guess = new SignInAttempt("guess-" + i, proxy);
            if (throttle.refusal(guess).isEmpty()) {
                throttle.failed(guess);
            }
        }

        assertThat(throttle.refusal(new SignInAttempt("never-signed-in", proxy)))
                .as("the address budget still stops guessing at new names").isPresent();
        assertThat(throttle.refusal(bridge)).as("the account proven from this address goes on").isEmpty();
        for (int i = 0; i < 5; i++) {
            throttle.failed(bridge);
        }
        assertThat(throttle.refusal(bridge)).as("but its own account budget still bounds guesses at it").isPresent();
    }
}
