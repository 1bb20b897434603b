package org.pramaan.ledger.dev;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/** Committed state read through one connection: the transaction's own, so a simulation costs one. */
final class PostgresState implements StateReader {

    private final Connection connection;

    PostgresState(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Optional<Versioned> get(String key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state_value, version FROM devledger.state WHERE state_key = ?")) {
            select.setBytes(1, bytes(key));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Versioned(key, row.getBytes(1), row.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public List<Versioned> range(String start, String end, int limit) {
        String sql = end.isEmpty()
                ? "SELECT state_key, state_value, version FROM devledger.state WHERE state_key >= ? ORDER BY state_key LIMIT ?"
                : "SELECT state_key, state_value, version FROM devledger.state WHERE state_key >= ? AND state_key < ? ORDER BY state_key LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setBytes(i++, bytes(start));
            if (!end.isEmpty()) {
                select.setBytes(i++, bytes(end));
            }
            select.setInt(i, limit);
            List<Versioned> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Versioned(new String(row.getBytes(1), StandardCharsets.UTF_8), row.getBytes(2), row.getLong(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw unavailable("scan from " + start, e);
        }
    }

    @Override
    public List<Modification> history(String key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT tx_id, committed_at, state_value, deleted FROM devledger.history WHERE state_key = ? ORDER BY block_number DESC")) {
            select.setBytes(1, bytes(key));
            List<Modification> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(new Modification(row.getString(1), row.getTimestamp(2).toInstant(), row.getBytes(3), row.getBoolean(4)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw unavailable("read the history of " + key, e);
        }
    }

    static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static LedgerException unavailable(String what, SQLException e) {
        return new LedgerException(LedgerErrorCode.UNAVAILABLE, null,
                "DevLedger could not " + what + ": " + e.getMessage(), e);
    }
}
