package org.pramaan.service.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long operational rows are kept (issue 19, part 4).
 *
 * @param enabled     false: partitions are still made ahead (inserts need them), nothing is dropped
 * @param period      a month's partition is dropped once its last possible row is this old and it holds no
 *                    unsettled row (RETENTION_PERIOD, 90 days)
 * @param monthsAhead months made ahead of the current one, so an insert never finds its month missing even when
 *                    the service was stopped for a while (RETENTION_MONTHS_AHEAD, 3)
 * @param interval    how often the job looks (RETENTION_INTERVAL, 1 hour)
 */
@ConfigurationProperties("pramaan.retention")
public record RetentionSettings(Boolean enabled, Duration period, int monthsAhead, Duration interval) {

    public RetentionSettings {
        enabled = enabled == null || enabled;
        period = period == null || period.isNegative() || period.isZero() ? Duration.ofDays(90) : period;
        monthsAhead = monthsAhead <= 0 ? 3 : Math.min(monthsAhead, 24);
        interval = interval == null || interval.isNegative() || interval.isZero() ? Duration.ofHours(1) : interval;
    }

    public static RetentionSettings defaults() {
        return new RetentionSettings(null, null, 0, null);
    }
}
