package org.pramaan.ledger.dev;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers DevLedger's events by polling the block log after a checkpoint kept per subscriber in
 * PostgreSQL, so a restarted process resumes where it stopped. Polling every few hundred
 * milliseconds keeps a revocation visible well within the three seconds verifiers promise.
 */
final class DevEventStream implements EventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(DevEventStream.class);
    private static final int BATCH = 500;

    private final DataSource dataSource;
    private final String subscriber;
    private final Consumer<LedgerEvent> listener;
    private final ScheduledExecutorService poller;
    private volatile long checkpoint;

    DevEventStream(DataSource dataSource, String subscriber, Consumer<LedgerEvent> listener, Duration interval) {
        this.dataSource = dataSource;
        this.subscriber = subscriber;
        this.listener = listener;
        this.checkpoint = loadCheckpoint();
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "devledger-events-" + subscriber);
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public long checkpoint() {
        return checkpoint;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private void poll() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT block_number, tx_id, event_name, event_payload FROM devledger.block"
                             + " WHERE block_number > ? AND event_name IS NOT NULL ORDER BY block_number LIMIT ?")) {
            select.setLong(1, checkpoint);
            select.setInt(2, BATCH);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    LedgerEvent event = new LedgerEvent(row.getString(3), row.getBytes(4), row.getString(2), row.getLong(1));
                    listener.accept(event);
                    saveCheckpoint(connection, event.blockNumber());
                    checkpoint = event.blockNumber();
                }
            }
        } catch (SQLException e) {
            LOG.warn("DevLedger events for {}: cannot read the block log, will retry: {}", subscriber, e.getMessage());
        } catch (RuntimeException e) {
            // The listener failed: the same event is delivered again on the next poll.
            LOG.warn("DevLedger events for {}: listener failed after block {}, will retry", subscriber, checkpoint, e);
        }
    }

    private long loadCheckpoint() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT block_number FROM devledger.event_checkpoint WHERE subscriber = ?")) {
            select.setString(1, subscriber);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw PostgresState.unavailable("read the event checkpoint of " + subscriber, e);
        }
    }

    private void saveCheckpoint(Connection connection, long block) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO devledger.event_checkpoint (subscriber, block_number, updated_at) VALUES (?, ?, now())"
                        + " ON CONFLICT (subscriber) DO UPDATE SET block_number = EXCLUDED.block_number, updated_at = now()")) {
            upsert.setString(1, subscriber);
            upsert.setLong(2, block);
            upsert.executeUpdate();
        }
    }
}
