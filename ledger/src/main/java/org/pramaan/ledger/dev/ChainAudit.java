package org.pramaan.ledger.dev;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Walks DevLedger's block log and checks that every block's hash covers its predecessor's and its
 * own data hash. It cannot prove the state table was not edited (a single database has no second
 * copy to compare with), which is one reason DevLedger is for development only.
 */
public final class ChainAudit {

    /** Where the chain first breaks. */
    public record Break(long blockNumber, String problem) {
    }

    private ChainAudit() {
    }

    public static Optional<Break> verify(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT block_number, data_hash, previous_hash, block_hash FROM devledger.block ORDER BY block_number");
             ResultSet row = select.executeQuery()) {
            byte[] previous = null;
            long expected = 0;
            while (row.next()) {
                long number = row.getLong(1);
                if (number != expected) {
                    return Optional.of(new Break(expected, "block " + expected + " is missing"));
                }
                byte[] blockHash = row.getBytes(4);
                if (number > 0) {
                    if (!Arrays.equals(row.getBytes(3), previous)) {
                        return Optional.of(new Break(number, "its previous hash is not the hash of block " + (number - 1)));
                    }
                    byte[] recomputed = BlockLog.sha256(previous, Long.toString(number).getBytes(StandardCharsets.US_ASCII),
                            row.getBytes(2));
                    if (!Arrays.equals(recomputed, blockHash)) {
                        return Optional.of(new Break(number, "its hash does not match its contents"));
                    }
                }
                previous = blockHash;
                expected++;
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw PostgresState.unavailable("audit the block log", e);
        }
    }
}
