package org.pramaan.issuer.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleRowsTest {

    @Test
    void aServiceLevelReadsInDaysFromTwoDaysOnAndNeverPromisesMoreThanIsLeft() {
        assertThat(ConsoleRows.Due.of(Duration.ofHours(167))).isEqualTo(new ConsoleRows.Due("due.daysLeft", 6));
        assertThat(ConsoleRows.Due.of(Duration.ofDays(7))).isEqualTo(new ConsoleRows.Due("due.daysLeft", 7));
        assertThat(ConsoleRows.Due.of(Duration.ofHours(48))).isEqualTo(new ConsoleRows.Due("due.daysLeft", 2));
        assertThat(ConsoleRows.Due.of(Duration.ofHours(47))).isEqualTo(new ConsoleRows.Due("due.hoursLeft", 47));
        assertThat(ConsoleRows.Due.of(Duration.ofMinutes(30))).isEqualTo(new ConsoleRows.Due("due.hoursLeft", 0));
        assertThat(ConsoleRows.Due.of(Duration.ofHours(-5))).isEqualTo(new ConsoleRows.Due("due.overdueHours", 5));
        assertThat(ConsoleRows.Due.of(Duration.ofHours(-73))).isEqualTo(new ConsoleRows.Due("due.overdueDays", 3));
    }
}
