package org.pramaan.network.ledger;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which keys of {@code devpeer.state} may exist: a Bloom filter over every key ever committed,
 * loaded by scanning the table when the peer starts and fed by the committer before each block's
 * database transaction commits. "Definitely absent" is exact (the peer is the only writer of its
 * schema and the filter only ever gains keys), so a simulation's read of a new key is answered
 * without PostgreSQL and records a read without version, as Fabric's simulator records a read of
 * a key missing from its state DB (F core/ledger/kvledger/txmgmt/rwsetutil). "Maybe present"
 * (a committed key, a deleted one or a false positive) still goes to the database.
 *
 * <p>When the committed keys outgrow the size the filter was made for, it is rebuilt twice as
 * large from the table, so the false-positive rate stays near {@link #FALSE_POSITIVES}.
 *
 * <p>Metrics: counter {@code pramaan.state.key.filter} (tag answer = absent|maybe).
 */
public final class StateKeyFilter {

    private static final Logger LOG = LoggerFactory.getLogger(StateKeyFilter.class);
    static final double FALSE_POSITIVES = 0.01;
    private static final long MIN_CAPACITY = 1 << 20;

    private final DataSource dataSource;
    private final Counter absent;
    private final Counter maybe;
    private volatile BloomFilter<byte[]> keys;
    private volatile long capacity;

    private StateKeyFilter(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.absent = Counter.builder("pramaan.state.key.filter").description("state reads the key filter answered")
                .tag("answer", "absent").register(meters);
        this.maybe = Counter.builder("pramaan.state.key.filter").description("state reads the key filter answered")
                .tag("answer", "maybe").register(meters);
    }

    /** Scans the committed keys of {@code dataSource} (schema migrated). */
    public static StateKeyFilter load(DataSource dataSource) {
        return load(dataSource, Metrics.globalRegistry);
    }

    public static StateKeyFilter load(DataSource dataSource, MeterRegistry meters) {
        StateKeyFilter filter = new StateKeyFilter(dataSource, meters);
        filter.rebuild(0);
        return filter;
    }

    /** True only when {@code key} was never committed; false means "ask the database". */
    public boolean definitelyAbsent(String key) {
        boolean no = !keys.mightContain(Keys.bytes(key));
        (no ? absent : maybe).increment();
        return no;
    }

    /**
     * Adds the keys {@code writes} put (deletes need nothing: a deleted key stays "maybe"). The
     * committer calls this before its database transaction commits, so no reader ever sees a
     * committed key as absent; a rolled-back block only leaves harmless false positives.
     */
    public void addAll(Iterable<KVWrite> writes) {
        BloomFilter<byte[]> current = keys;
        for (KVWrite write : writes) {
            if (!write.getIsDelete()) {
                current.put(Keys.bytes(write.getKey()));
            }
        }
    }

    /** Called by the committer after a commit, alone: grows the filter when it holds more keys than it was made for. */
    public void growIfFull() {
        long count = keys.approximateElementCount();
        if (count > capacity) {
            rebuild(count);
        }
    }

    private void rebuild(long atLeast) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            long rows;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM devpeer.state");
                 ResultSet row = count.executeQuery()) {
                row.next();
                rows = row.getLong(1);
            }
            long size = Math.max(MIN_CAPACITY, 2 * Math.max(rows, atLeast));
            BloomFilter<byte[]> fresh = BloomFilter.create(Funnels.byteArrayFunnel(), size, FALSE_POSITIVES);
            // A cursor (auto-commit off, fetch size) so a large state is streamed, not held in memory.
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement scan = c.prepareStatement("SELECT state_key FROM devpeer.state")) {
                scan.setFetchSize(10_000);
                try (ResultSet row = scan.executeQuery()) {
                    while (row.next()) {
                        fresh.put(row.getBytes(1));
                    }
                }
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
            keys = fresh;
            capacity = size;
            LOG.info("state key filter: {} committed keys, room for {} ({} ms)", rows, size,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new LedgerException("cannot scan the committed state keys: " + e.getMessage(), e);
        }
    }
}
