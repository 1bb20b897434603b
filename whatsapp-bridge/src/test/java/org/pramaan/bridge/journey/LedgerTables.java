package org.pramaan.bridge.journey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The development peer's tables read straight from PostgreSQL, the way an auditor with database access would: the
 * world state, its history, the chaincode events and the blocks themselves (every envelope, with the proposals'
 * arguments and the endorsements). Keys and values are bytes; the contract writes JSON, so they read as UTF-8.
 */
final class LedgerTables {

    /** One row of world state or history, or one block's event, as text. */
    record Entry(String table, String key, String value) {
    }

    private final JdbcTemplate jdbc;

    LedgerTables(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The world-state entries whose key contains the certificate id (the certificate record itself). */
    List<Entry> stateFor(String certificateId) {
        return jdbc.query("SELECT state_key, state_value FROM devpeer.state WHERE position(? IN state_key) > 0",
                (row, n) -> new Entry("state", text(row.getBytes(1)), text(row.getBytes(2))),
                (Object) certificateId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * How many history entries the ledger holds for each of {@code certificateIds} (an id with none is absent): one
     * per certificate when nothing was anchored twice.
     */
    java.util.Map<String, Integer> historyEntries(List<String> certificateIds) {
        java.util.Map<String, Integer> history = new java.util.TreeMap<>();
        for (byte[] key : jdbc.queryForList("SELECT state_key FROM devpeer.history", byte[].class)) {
            String text = text(key);
            for (String id : certificateIds) {
                if (text.contains(id)) {
                    history.merge(id, 1, Integer::sum);
                }
            }
        }
        return history;
    }

    /** Everything the ledger holds that anyone with ledger access can read: state, history, block events. */
    List<Entry> everything() {
        List<Entry> all = new ArrayList<>(jdbc.query("SELECT state_key, state_value FROM devpeer.state",
                (row, n) -> new Entry("state", text(row.getBytes(1)), text(row.getBytes(2)))));
        all.addAll(jdbc.query("SELECT state_key, state_value FROM devpeer.history",
                (row, n) -> new Entry("history", text(row.getBytes(1)), text(row.getBytes(2)))));
        all.addAll(jdbc.query("SELECT tx_id, event_name, payload FROM devpeer.chaincode_event",
                (row, n) -> new Entry("event", row.getString(1), row.getString(2) + " " + text(row.getBytes(3)))));
        all.addAll(jdbc.query("SELECT block_number, block_bytes FROM devpeer.block",
                (row, n) -> new Entry("block", Long.toString(row.getLong(1)), text(row.getBytes(2)))));
        return all;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
