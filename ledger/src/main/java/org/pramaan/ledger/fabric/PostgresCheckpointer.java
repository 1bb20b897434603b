package org.pramaan.ledger.fabric;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.Checkpointer;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/**
 * A subscriber's event checkpoint in PostgreSQL (table {@code ledger_client.event_checkpoint}): the
 * block and transaction id of the last event delivered. Each checkpoint is written before it is
 * believed, so a crash between delivery and checkpoint repeats that one event, never skips it.
 */
final class PostgresCheckpointer implements Checkpointer {

    static final String SCHEMA = "ledger_client";

    private final DataSource dataSource;
    private final String subscriber;
    private final Clock clock;
    private volatile OptionalLong blockNumber;
    private volatile String transactionId;

    PostgresCheckpointer(DataSource dataSource, String subscriber, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
        this.clock = Objects.requireNonNull(clock, "clock");
        load();
    }

    /** Creates or upgrades the ledger client's schema; safe to run from several processes at once. */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/ledgerclient")
                .load()
                .migrate();
    }

    @Override
    public void checkpointBlock(long block) throws IOException {
        checkpointTransaction(block + 1, null);
    }

    @Override
    public void checkpointTransaction(long block, String transaction) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement(
                     "INSERT INTO " + SCHEMA + ".event_checkpoint (subscriber, block_number, transaction_id, updated_at)"
                             + " VALUES (?, ?, ?, ?) ON CONFLICT (subscriber) DO UPDATE SET block_number = EXCLUDED.block_number,"
                             + " transaction_id = EXCLUDED.transaction_id, updated_at = EXCLUDED.updated_at")) {
            upsert.setString(1, subscriber);
            upsert.setLong(2, block);
            upsert.setString(3, transaction);
            upsert.setTimestamp(4, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("cannot save the event checkpoint of " + subscriber + " at block " + block, e);
        }
        this.transactionId = transaction;
        this.blockNumber = OptionalLong.of(block);
    }

    @Override
    public void checkpointChaincodeEvent(ChaincodeEvent event) throws IOException {
        checkpointTransaction(event.getBlockNumber(), event.getTransactionId());
    }

    @Override
    public OptionalLong getBlockNumber() {
        return blockNumber;
    }

    @Override
    public Optional<String> getTransactionId() {
        return Optional.ofNullable(transactionId);
    }

    /** The block of the last event delivered, or 0 before any. */
    long lastEventBlock() {
        OptionalLong block = blockNumber;
        if (block.isEmpty()) {
            return 0;
        }
        return transactionId != null ? block.getAsLong() : Math.max(0, block.getAsLong() - 1);
    }

    private void load() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT block_number, transaction_id FROM " + SCHEMA + ".event_checkpoint WHERE subscriber = ?")) {
            select.setString(1, subscriber);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    blockNumber = OptionalLong.of(row.getLong(1));
                    transactionId = row.getString(2);
                } else {
                    blockNumber = OptionalLong.empty();
                    transactionId = null;
                }
            }
        } catch (SQLException e) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, null,
                    "cannot read the event checkpoint of " + subscriber + ": " + e.getMessage(), e);
        }
    }
}
