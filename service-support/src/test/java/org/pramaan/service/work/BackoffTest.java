package org.pramaan.service.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void doublesFromTheFirstWaitAndStopsAtTheCeiling() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(128));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.after(8)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(-3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void nextIsCountedFromNow() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        assertThat(backoff.next(now, 2)).isEqualTo(Instant.parse("2026-12-03T10:00:08Z"));
    }

    @Test
    void refusesAWaitThatCannotGrow() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
