package org.pramaan.network.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.pramaan.network.chaincode.StateReader;
import org.pramaan.network.chaincode.VersionedValue;

/**
 * The committed world state in {@code devpeer.state} as simulations and the validator read it: on
 * a connection of its own (a simulation's reads) or on the committer's block transaction. With a
 * {@link StateKeyFilter}, keys never committed are answered absent without a query.
 */
public final class CommittedState implements StateReader {

    private final DataSource dataSource;
    private final Connection connection;
    private final StateKeyFilter filter;

    private CommittedState(DataSource dataSource, Connection connection, StateKeyFilter filter) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.filter = filter;
    }

    /** Each read borrows a pooled connection. */
    public static CommittedState of(DataSource dataSource) {
        return new CommittedState(dataSource, null, null);
    }

    /** Each read borrows a pooled connection, unless {@code filter} knows the key is absent. */
    public static CommittedState of(DataSource dataSource, StateKeyFilter filter) {
        return new CommittedState(dataSource, null, filter);
    }

    /** Reads on {@code connection}, which the caller owns (the committer's block transaction). */
    public static CommittedState on(Connection connection) {
        return new CommittedState(null, connection, null);
    }

    /** Reads on {@code connection}, skipping the keys {@code filter} knows are absent. */
    public static CommittedState on(Connection connection, StateKeyFilter filter) {
        return new CommittedState(null, connection, filter);
    }

    @Override
    public boolean definitelyAbsent(String key) {
        return filter != null && filter.definitelyAbsent(key);
    }

    @Override
    public Optional<VersionedValue> get(String key) {
        if (definitelyAbsent(key)) {
            return Optional.empty();
        }
        return query("read " + key, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT state_value, block_number, tx_number FROM devpeer.state WHERE state_key = ?")) {
                select.setBytes(1, Keys.bytes(key));
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new VersionedValue(key, row.getBytes(1), version(row, 2)))
                            : Optional.<VersionedValue>empty();
                }
            }
        });
    }

    /**
     * The committed versions of {@code keys} in one query (the validator checks a transaction's whole read set at
     * once: one round trip to PostgreSQL instead of one per key); absent keys are not in the map.
     */
    public java.util.Map<String, Version> versions(java.util.Collection<String> wantedKeys) {
        java.util.Map<String, Version> found = new java.util.HashMap<>();
        java.util.Collection<String> keys = maybePresent(wantedKeys);
        if (keys.isEmpty()) {
            return found;
        }
        return query("read the versions of " + keys.size() + " keys", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT state_key, block_number, tx_number FROM devpeer.state WHERE state_key = ANY (?)")) {
                byte[][] wanted = new byte[keys.size()][];
                int i = 0;
                for (String key : keys) {
                    wanted[i++] = Keys.bytes(key);
                }
                select.setArray(1, c.createArrayOf("bytea", wanted));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.put(Keys.string(row.getBytes(1)), version(row, 2));
                    }
                }
                return found;
            }
        });
    }

    /** The keys that may have a committed version: without a filter, all of them. */
    private java.util.Collection<String> maybePresent(java.util.Collection<String> keys) {
        if (filter == null) {
            return keys;
        }
        java.util.List<String> maybe = new java.util.ArrayList<>();
        for (String key : keys) {
            if (!filter.definitelyAbsent(key)) {
                maybe.add(key);
            }
        }
        return maybe;
    }

    @Override
    public List<VersionedValue> range(String startInclusive, String endExclusive, int limit) {
        return rangeQuery(startInclusive, endExclusive, false, limit);
    }

    /** Like {@link #range} but with an inclusive end, as the validator re-runs a range that was not read to its end. */
    public List<VersionedValue> rangeThrough(String startInclusive, String endInclusive, int limit) {
        return rangeQuery(startInclusive, endInclusive, true, limit);
    }

    private List<VersionedValue> rangeQuery(String start, String end, boolean endInclusive, int limit) {
        String sql = "SELECT state_key, state_value, block_number, tx_number FROM devpeer.state WHERE state_key >= ?"
                + (end.isEmpty() ? "" : endInclusive ? " AND state_key <= ?" : " AND state_key < ?")
                + " ORDER BY state_key LIMIT ?";
        return query("scan from " + start, c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                int i = 1;
                select.setBytes(i++, Keys.bytes(start));
                if (!end.isEmpty()) {
                    select.setBytes(i++, Keys.bytes(end));
                }
                select.setInt(i, limit);
                List<VersionedValue> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        found.add(new VersionedValue(Keys.string(row.getBytes(1)), row.getBytes(2), version(row, 3)));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public List<KeyModification> history(String key) {
        return query("read the history of " + key, c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT tx_id, tx_timestamp, state_value, is_delete FROM devpeer.history WHERE state_key = ?"
                            + " ORDER BY block_number DESC, tx_number DESC")) {
                select.setBytes(1, Keys.bytes(key));
                List<KeyModification> found = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        java.time.Instant at = row.getTimestamp(2).toInstant();
                        byte[] value = row.getBytes(3);
                        found.add(KeyModification.newBuilder().setTxId(row.getString(1))
                                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                                .setValue(value == null ? ByteString.EMPTY : ByteString.copyFrom(value))
                                .setIsDelete(row.getBoolean(4)).build());
                    }
                }
                return found;
            }
        });
    }

    private static Version version(ResultSet row, int column) throws SQLException {
        return Version.newBuilder().setBlockNum(row.getLong(column)).setTxNum(row.getInt(column + 1)).build();
    }

    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(String what, Query<T> query) {
        try {
            if (connection != null) {
                return query.run(connection);
            }
            try (Connection borrowed = dataSource.getConnection()) {
                return query.run(borrowed);
            }
        } catch (SQLException e) {
            throw new LedgerException("the peer could not " + what.replace('\u0000', '~') + ": " + e.getMessage(), e);
        }
    }
}
