package org.pramaan.service.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.service.work.WorkerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link MonthlyPartitions} for a service: once when it starts (so the months ahead exist before the first
 * insert), then every {@link RetentionSettings#interval()} on a {@link WorkerLoop}.
 *
 * <p>Metrics, tagged {@code table}: {@code pramaan.retention.partitions.created} and
 * {@code pramaan.retention.partitions.dropped} (counters), {@code pramaan.retention.partitions.kept} (months past
 * the period kept because they hold unsettled rows) and {@code pramaan.retention.rows.kept} (those rows).
 */
public final class RetentionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionWorker.class);

    private final MonthlyPartitions partitions;
    private final RetentionSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> keptPartitions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> keptRows = new ConcurrentHashMap<>();
    private final Object wake = new Object();
    private final WorkerLoop loop;
    private volatile boolean running;

    public RetentionWorker(MonthlyPartitions partitions, RetentionSettings settings, Clock clock,
            MeterRegistry meters) {
        this.partitions = Objects.requireNonNull(partitions, "partitions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.meters = Objects.requireNonNull(meters, "meters");
        for (PartitionedTable table : partitions.tables()) {
            keptPartitions.put(table.table(), meters.gauge("pramaan.retention.partitions.kept",
                    List.of(io.micrometer.core.instrument.Tag.of("table", table.table())), new AtomicLong()));
            keptRows.put(table.table(), meters.gauge("pramaan.retention.rows.kept",
                    List.of(io.micrometer.core.instrument.Tag.of("table", table.table())), new AtomicLong()));
        }
        this.loop = new WorkerLoop("retention", this::round, this::idle, settings.interval(), WorkerLoop.Pace.NONE);
    }

    /** One run: the months ahead, then the expired months. Always false: the loop waits a whole interval. */
    public boolean round() {
        MonthlyPartitions.Report report = partitions.maintain(clock.instant(), settings);
        record(report);
        return false;
    }

    private void record(MonthlyPartitions.Report report) {
        report.created().forEach((table, names) -> {
            meters.counter("pramaan.retention.partitions.created", "table", table).increment(names.size());
            if (!names.isEmpty()) {
                log.info("Retention: made partitions {} of {}", names, table);
            }
        });
        report.dropped().forEach((table, names) -> {
            meters.counter("pramaan.retention.partitions.dropped", "table", table).increment(names.size());
            if (!names.isEmpty()) {
                log.info("Retention: dropped partitions {} of {} (older than {})", names, table, settings.period());
            }
        });
        for (PartitionedTable table : partitions.tables()) {
            Map<String, Long> kept = report.kept().getOrDefault(table.table(), Map.of());
            keptPartitions.get(table.table()).set(kept.size());
            keptRows.get(table.table()).set(report.keptRows(table.table()));
            if (!kept.isEmpty()) {
                log.warn("Retention: kept partitions of {} past {} because they hold unsettled rows: {}",
                        table.table(), settings.period(), kept);
            }
        }
    }

    private void idle(long millis) throws InterruptedException {
        synchronized (wake) {
            wake.wait(millis);
        }
    }

    @Override
    public void start() {
        // The months ahead must exist before anything is inserted; failing here stops the service, as a missing
        // migration would.
        record(new MonthlyPartitions.Report(partitions.ensure(clock.instant(), settings.monthsAhead()), Map.of(),
                Map.of()));
        running = true;
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the queue workers, so the partitions exist when they start; stopped after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }
}
