package org.pramaan.network.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Writes a block, its transaction index, the valid transactions' state changes, history and events
 * in one database transaction, so a crash leaves either the whole block or none of it.
 */
public final class BlockStore {

    private final DataSource dataSource;

    public BlockStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The committed transaction {@code txId}: its block and validation code. */
    public record TxStatus(long blockNumber, int txNumber, TxValidationCode code) {
    }

    /** The last block's number and header hash, or empty before genesis. */
    public record Head(long number, byte[] headerHash) {
    }

    public Optional<Head> head() {
        try (Connection c = dataSource.getConnection()) {
            return head(c);
        } catch (SQLException e) {
            throw new LedgerException("cannot read the chain head: " + e.getMessage(), e);
        }
    }

    static Optional<Head> head(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT block_number, header_hash FROM devpeer.block ORDER BY block_number DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new Head(row.getLong(1), row.getBytes(2))) : Optional.empty();
        }
    }

    public Optional<TxStatus> status(String txId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT block_number, tx_number, validation_code FROM devpeer.tx_index WHERE tx_id = ?")) {
            select.setString(1, txId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new TxStatus(row.getLong(1), row.getInt(2),
                        TxValidationCode.forNumber(row.getInt(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read the status of " + txId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Which of {@code txIds} are already in the transaction index, in one query on {@code c}: the committer
     * checks a whole block for duplicate tx ids (F core/committer/txvalidator: DUPLICATE_TXID) in one round trip.
     */
    public java.util.Set<String> committedTxIds(Connection c, java.util.Collection<String> txIds) throws SQLException {
        java.util.Set<String> found = new java.util.HashSet<>();
        if (txIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT tx_id FROM devpeer.tx_index WHERE tx_id = ANY (?)")) {
            select.setArray(1, c.createArrayOf("text", txIds.toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
        }
        return found;
    }

    /** Writes {@code block} on {@code c} (auto-commit off); the caller commits. */
    public void append(Connection c, CommittedBlock block, Instant committedAt) throws SQLException {
        var header = block.block().getHeader();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO devpeer.block (block_number, header_hash,"
                + " previous_hash, data_hash, block_bytes, tx_count, committed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, header.getNumber());
            insert.setBytes(2, BlockHashes.headerHash(header));
            insert.setBytes(3, header.getPreviousHash().toByteArray());
            insert.setBytes(4, header.getDataHash().toByteArray());
            insert.setBytes(5, block.block().toByteArray());
            insert.setInt(6, block.outcomes().size());
            insert.setTimestamp(7, Timestamp.from(committedAt));
            insert.executeUpdate();
        }
        try (PreparedStatement index = c.prepareStatement("INSERT INTO devpeer.tx_index (tx_id, block_number, tx_number,"
                + " validation_code) VALUES (?, ?, ?, ?) ON CONFLICT (tx_id) DO NOTHING");
             PreparedStatement upsert = c.prepareStatement("INSERT INTO devpeer.state (state_key, state_value, block_number,"
                     + " tx_number) VALUES (?, ?, ?, ?) ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value,"
                     + " block_number = EXCLUDED.block_number, tx_number = EXCLUDED.tx_number");
             PreparedStatement delete = c.prepareStatement("DELETE FROM devpeer.state WHERE state_key = ?");
             PreparedStatement history = c.prepareStatement("INSERT INTO devpeer.history (state_key, block_number, tx_number,"
                     + " tx_id, tx_timestamp, state_value, is_delete) VALUES (?, ?, ?, ?, ?, ?, ?)"
                     + " ON CONFLICT (state_key, block_number, tx_number) DO UPDATE SET state_value = EXCLUDED.state_value,"
                     + " is_delete = EXCLUDED.is_delete");
             PreparedStatement event = c.prepareStatement("INSERT INTO devpeer.chaincode_event (block_number, tx_number,"
                     + " tx_id, chaincode_id, event_name, payload) VALUES (?, ?, ?, ?, ?, ?)")) {
            int upserts = 0;
            for (int txNumber = 0; txNumber < block.outcomes().size(); txNumber++) {
                TxOutcome tx = block.outcomes().get(txNumber);
                if (!tx.txId().isEmpty()) {
                    index.setString(1, tx.txId());
                    index.setLong(2, header.getNumber());
                    index.setInt(3, txNumber);
                    index.setInt(4, tx.code().getNumber());
                    index.addBatch();
                }
                if (!tx.valid()) {
                    continue;
                }
                Timestamp at = Timestamp.from(Instant.ofEpochSecond(tx.timestamp().getSeconds(), tx.timestamp().getNanos()));
                for (KVWrite write : tx.writes()) {
                    byte[] key = Keys.bytes(write.getKey());
                    if (write.getIsDelete()) {
                        // Upserts go in batches; those queued before this delete must run before it.
                        if (upserts > 0) {
                            upsert.executeBatch();
                            upserts = 0;
                        }
                        delete.setBytes(1, key);
                        delete.executeUpdate();
                    } else {
                        upsert.setBytes(1, key);
                        upsert.setBytes(2, write.getValue().toByteArray());
                        upsert.setLong(3, header.getNumber());
                        upsert.setInt(4, txNumber);
                        upsert.addBatch();
                        upserts++;
                    }
                    history.setBytes(1, key);
                    history.setLong(2, header.getNumber());
                    history.setInt(3, txNumber);
                    history.setString(4, tx.txId());
                    history.setTimestamp(5, at);
                    history.setBytes(6, write.getIsDelete() ? null : write.getValue().toByteArray());
                    history.setBoolean(7, write.getIsDelete());
                    history.addBatch();
                }
                if (tx.event() != null && !tx.event().getEventName().isEmpty()) {
                    event.setLong(1, header.getNumber());
                    event.setInt(2, txNumber);
                    event.setString(3, tx.txId());
                    event.setString(4, tx.event().getChaincodeId());
                    event.setString(5, tx.event().getEventName());
                    event.setBytes(6, tx.event().getPayload().toByteArray());
                    event.addBatch();
                }
            }
            index.executeBatch();
            if (upserts > 0) {
                upsert.executeBatch();
            }
            history.executeBatch();
            event.executeBatch();
        }
    }
}
