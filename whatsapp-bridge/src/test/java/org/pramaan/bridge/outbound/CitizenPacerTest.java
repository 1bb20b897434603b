package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CitizenPacerTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsABurstThenOneEveryInterval() {
        MovableClock clock = new MovableClock();
        CitizenPacer pacer = new CitizenPacer(45, Duration.ofSeconds(6), clock);
        for (int i = 0; i < 45; i++) {
            assertThat(pacer.tryTake("a")).isNull();
        }
        assertThat(pacer.tryTake("a")).isEqualTo(clock.now.plusSeconds(6));
        assertThat(pacer.tryTake("b")).as("other citizens are not affected").isNull();
        clock.now = clock.now.plusSeconds(6);
        assertThat(pacer.tryTake("a")).isNull();
        assertThat(pacer.tryTake("a")).isNotNull();
    }

    @Test
    void drainSlowsACitizenDown() {
        CitizenPacer pacer = new CitizenPacer(45, Duration.ofSeconds(6), new MovableClock());
        assertThat(pacer.tryTake("a")).isNull();
        pacer.drain("a");
        assertThat(pacer.tryTake("a")).isNotNull();
    }
}
