package org.pramaan.ledger.dev;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/**
 * Validates and appends transactions, one block each, under a lock on the chain head: whichever
 * process commits first wins, and a transaction whose reads changed meanwhile is refused with
 * {@code MVCC_READ_CONFLICT}, as a Fabric peer marks it invalid. Each block's hash covers its
 * predecessor's, so the log cannot be edited in place without breaking the chain.
 */
final class BlockLog {

    private BlockLog() {
    }

    /** Commits {@code tx} on {@code connection} (auto-commit off) and returns its block number. */
    static long append(Connection connection, PendingTransaction tx) throws SQLException {
        byte[] previousHash;
        long number;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT block_number, block_hash FROM devledger.chain_head WHERE id = 1 FOR UPDATE");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new LedgerException(LedgerErrorCode.UNAVAILABLE, tx.txId(), "DevLedger has no chain head: was it migrated?");
            }
            number = row.getLong(1) + 1;
            previousHash = row.getBytes(2);
        }
        validate(connection, tx);
        byte[] dataHash = dataHash(tx);
        byte[] blockHash = sha256(previousHash, Long.toString(number).getBytes(StandardCharsets.US_ASCII), dataHash);
        insertBlock(connection, tx, number, dataHash, previousHash, blockHash);
        applyWrites(connection, tx, number);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE devledger.chain_head SET block_number = ?, block_hash = ? WHERE id = 1")) {
            update.setLong(1, number);
            update.setBytes(2, blockHash);
            update.executeUpdate();
        }
        return number;
    }

    private static void validate(Connection connection, PendingTransaction tx) {
        PostgresState current = new PostgresState(connection);
        for (Map.Entry<String, Long> read : tx.reads().keys().entrySet()) {
            long now = current.get(read.getKey()).map(StateReader.Versioned::version).orElse(ReadSet.ABSENT);
            if (now != read.getValue()) {
                throw conflict(tx, "key " + printable(read.getKey()) + " changed from version " + read.getValue() + " to " + now);
            }
        }
        for (ReadSet.RangeRead range : tx.reads().ranges()) {
            Map<String, Long> now = new LinkedHashMap<>();
            List<StateReader.Versioned> rows = current.range(range.start(), range.end() == null ? "" : range.end(), range.limit());
            rows.forEach(r -> now.put(r.key(), r.version()));
            if (!now.equals(range.seen())) {
                throw conflict(tx, "a range from " + printable(range.start()) + " changed (phantom read)");
            }
        }
    }

    private static void insertBlock(Connection connection, PendingTransaction tx, long number, byte[] dataHash,
                                    byte[] previousHash, byte[] blockHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO devledger.block (block_number, tx_id, creator_msp, function_name, committed_at, event_name, event_payload,"
                        + " data_hash, previous_hash, block_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, number);
            insert.setString(2, tx.txId());
            insert.setString(3, tx.creatorMsp());
            insert.setString(4, tx.function());
            insert.setTimestamp(5, Timestamp.from(tx.timestamp()));
            insert.setString(6, tx.event() == null ? null : tx.event().getEventName());
            insert.setBytes(7, tx.event() == null ? null : tx.event().getPayload().toByteArray());
            insert.setBytes(8, dataHash);
            insert.setBytes(9, previousHash);
            insert.setBytes(10, blockHash);
            insert.executeUpdate();
        }
    }

    private static void applyWrites(Connection connection, PendingTransaction tx, long number) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO devledger.state (state_key, state_value, version) VALUES (?, ?, ?)"
                        + " ON CONFLICT (state_key) DO UPDATE SET state_value = EXCLUDED.state_value, version = EXCLUDED.version");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM devledger.state WHERE state_key = ?");
             PreparedStatement history = connection.prepareStatement(
                     "INSERT INTO devledger.history (state_key, block_number, tx_id, committed_at, state_value, deleted) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, byte[]> write : tx.writes().entrySet()) {
                byte[] key = PostgresState.bytes(write.getKey());
                if (write.getValue() == null) {
                    delete.setBytes(1, key);
                    delete.addBatch();
                } else {
                    upsert.setBytes(1, key);
                    upsert.setBytes(2, write.getValue());
                    upsert.setLong(3, number);
                    upsert.addBatch();
                }
                history.setBytes(1, key);
                history.setLong(2, number);
                history.setString(3, tx.txId());
                history.setTimestamp(4, Timestamp.from(tx.timestamp()));
                history.setBytes(5, write.getValue());
                history.setBoolean(6, write.getValue() == null);
                history.addBatch();
            }
            upsert.executeBatch();
            delete.executeBatch();
            history.executeBatch();
        }
    }

    /** SHA-256 over the transaction's identity, its writes in order and its event. */
    static byte[] dataHash(PendingTransaction tx) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(tx.txId());
            out.writeUTF(tx.timestamp().toString());
            out.writeUTF(tx.creatorMsp());
            out.writeUTF(tx.function());
            for (Map.Entry<String, byte[]> write : tx.writes().entrySet()) {
                byte[] key = PostgresState.bytes(write.getKey());
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(write.getValue() == null ? -1 : write.getValue().length);
                if (write.getValue() != null) {
                    out.write(write.getValue());
                }
            }
            if (tx.event() != null) {
                out.writeUTF(tx.event().getEventName());
                out.write(tx.event().getPayload().toByteArray());
            }
            out.flush();
            return sha256(bytes.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static LedgerException conflict(PendingTransaction tx, String detail) {
        return new LedgerException(LedgerErrorCode.MVCC_READ_CONFLICT, tx.txId(),
                tx.function() + " read state that another transaction changed before it committed: " + detail);
    }

    private static String printable(String key) {
        return key.replace('\u0000', '~');
    }
}
