package org.pramaan.network.ledger;

import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/** The committed chaincode events of valid transactions, read back by block so that a listener can resume. */
public final class EventLog {

    /** The events of one block, in transaction order. */
    public record BlockEvents(long blockNumber, List<ChaincodeEvent> events) {
    }

    private final DataSource dataSource;

    public EventLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The blocks {@code from..through} (inclusive) that hold events of {@code chaincodeId}, leaving out in
     * block {@code from} the transactions numbered up to {@code skipThroughTx} (-1: none).
     */
    public List<BlockEvents> read(String chaincodeId, long from, int skipThroughTx, long through) {
        Map<Long, List<ChaincodeEvent>> byBlock = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT block_number, tx_id, event_name, payload"
                     + " FROM devpeer.chaincode_event WHERE chaincode_id = ? AND block_number BETWEEN ? AND ?"
                     + " AND (block_number > ? OR tx_number > ?) ORDER BY block_number, tx_number")) {
            select.setString(1, chaincodeId);
            select.setLong(2, from);
            select.setLong(3, through);
            select.setLong(4, from);
            select.setInt(5, skipThroughTx);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byBlock.computeIfAbsent(row.getLong(1), n -> new ArrayList<>()).add(ChaincodeEvent.newBuilder()
                            .setChaincodeId(chaincodeId).setTxId(row.getString(2)).setEventName(row.getString(3))
                            .setPayload(ByteString.copyFrom(row.getBytes(4))).build());
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot read chaincode events from block " + from + ": " + e.getMessage(), e);
        }
        List<BlockEvents> blocks = new ArrayList<>();
        byBlock.forEach((number, events) -> blocks.add(new BlockEvents(number, List.copyOf(events))));
        return blocks;
    }
}
