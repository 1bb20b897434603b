package org.pramaan.network.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.common.Block;
import org.pramaan.network.ledger.BlockHashes;
import org.pramaan.network.ledger.LedgerException;

/**
 * Re-walks the peer's chain from block 0: each stored Block must parse, its data hash must be
 * SHA-256 of its envelopes, its header hash must follow Fabric's rule (protoutil/blockutils.go)
 * and match the stored one, and its previous hash must be the previous block's header hash. It
 * cannot prove the state table was not edited: a single database holds no second copy.
 */
public final class ChainAudit {

    /** Where the chain first breaks. */
    public record Break(long blockNumber, String problem) {
    }

    /** What the audit saw: the blocks walked and the first break, if any. */
    public record Result(long blocks, Optional<Break> firstBreak) {

        public boolean clean() {
            return firstBreak.isEmpty();
        }
    }

    private ChainAudit() {
    }

    public static Result verify(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT block_number, header_hash, previous_hash, data_hash,"
                     + " block_bytes FROM devpeer.block ORDER BY block_number");
             ResultSet row = select.executeQuery()) {
            byte[] previous = new byte[0];
            long expected = 0;
            while (row.next()) {
                Optional<Break> broken = check(expected, previous, row);
                if (broken.isPresent()) {
                    return new Result(expected, broken);
                }
                previous = row.getBytes(2);
                expected++;
            }
            return new Result(expected, Optional.empty());
        } catch (SQLException e) {
            throw new LedgerException("cannot audit the chain: " + e.getMessage(), e);
        }
    }

    private static Optional<Break> check(long expected, byte[] previous, ResultSet row) throws SQLException {
        long number = row.getLong(1);
        if (number != expected) {
            return broken(expected, "block " + expected + " is missing");
        }
        Block block;
        try {
            block = Block.parseFrom(row.getBytes(5));
        } catch (InvalidProtocolBufferException e) {
            return broken(number, "its stored bytes are not a Block: " + e.getMessage());
        }
        var header = block.getHeader();
        if (header.getNumber() != number) {
            return broken(number, "its header says block " + header.getNumber());
        }
        if (!Arrays.equals(BlockHashes.dataHash(block.getData()), header.getDataHash().toByteArray())
                || !Arrays.equals(header.getDataHash().toByteArray(), row.getBytes(4))) {
            return broken(number, "its data hash does not match its transactions");
        }
        if (!Arrays.equals(header.getPreviousHash().toByteArray(), previous)
                || !Arrays.equals(row.getBytes(3), previous)) {
            return broken(number, "its previous hash is not the header hash of block " + (number - 1));
        }
        if (!Arrays.equals(BlockHashes.headerHash(header), row.getBytes(2))) {
            return broken(number, "its header hash does not match its header");
        }
        return Optional.empty();
    }

    private static Optional<Break> broken(long number, String problem) {
        return Optional.of(new Break(number, problem));
    }
}
