package org.pramaan.network.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.network.chaincode.VersionedValue;
import org.pramaan.service.database.ServiceDatabase;

/** The read path through the state key filter: new keys without PostgreSQL, committed keys with their exact version. */
class StateKeyFilterTest {

    @TempDir
    static Path folder;
    private static ServiceDatabase database;
    private static final AtomicInteger BLOCKS = new AtomicInteger();

    @BeforeAll
    static void startDatabase() {
        database = ServiceDatabase.builder("key-filter-test").embeddedDirectory(folder.resolve("pg")).poolSize(4).open();
        PeerDatabase.migrate(database.dataSource());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void aKeyNeverCommittedIsReadAbsentWithoutTheDatabase() {
        StateKeyFilter filter = StateKeyFilter.load(database.dataSource(), new SimpleMeterRegistry());
        AtomicInteger borrowed = new AtomicInteger();
        CommittedState state = CommittedState.of(counting(database.dataSource(), borrowed), filter);

        assertThat(state.definitelyAbsent("CERT\u0000never-issued\u0000")).isTrue();
        assertThat(state.get("CERT\u0000never-issued\u0000")).isEmpty();
        assertThat(state.versions(List.of("CERT\u0000a\u0000", "CERT\u0000b\u0000"))).isEmpty();
        assertThat(borrowed).hasValue(0);
    }

    @Test
    void aKeyCommittedLaterIsReadFromTheDatabaseWithItsVersion() throws Exception {
        StateKeyFilter filter = StateKeyFilter.load(database.dataSource(), new SimpleMeterRegistry());
        AtomicInteger borrowed = new AtomicInteger();
        CommittedState state = CommittedState.of(counting(database.dataSource(), borrowed), filter);
        String key = "CERT\u0000later\u0000";
        assertThat(state.get(key)).isEmpty();

        long block = commit(filter, key, "v1");

        assertThat(state.definitelyAbsent(key)).isFalse();
        VersionedValue read = state.get(key).orElseThrow();
        assertThat(read.value()).isEqualTo("v1".getBytes());
        assertThat(read.version()).isEqualTo(Version.newBuilder().setBlockNum(block).setTxNum(0).build());
        assertThat(state.versions(List.of(key, "CERT\u0000other\u0000"))).containsOnlyKeys(key);
        assertThat(borrowed.get()).isPositive();
    }

    @Test
    void aRestartedPeerRebuildsTheFilterFromCommittedState() throws Exception {
        String key = "CERT\u0000before-restart\u0000";
        long block = commit(StateKeyFilter.load(database.dataSource(), new SimpleMeterRegistry()), key, "kept");

        // A new filter, as DevPeer.start loads it: the committed key is "maybe present", a new one absent.
        StateKeyFilter reloaded = StateKeyFilter.load(database.dataSource(), new SimpleMeterRegistry());
        CommittedState state = CommittedState.of(database.dataSource(), reloaded);

        assertThat(reloaded.definitelyAbsent(key)).isFalse();
        assertThat(state.get(key).orElseThrow().version().getBlockNum()).isEqualTo(block);
        assertThat(reloaded.definitelyAbsent("CERT\u0000after-restart\u0000")).isTrue();
    }

    @Test
    void aDeletedKeyStillGoesToTheDatabaseAndReadsAbsent() throws Exception {
        StateKeyFilter filter = StateKeyFilter.load(database.dataSource(), new SimpleMeterRegistry());
        String key = "CERT\u0000deleted\u0000";
        commit(filter, key, "soon gone");
        commit(filter, KVWrite.newBuilder().setKey(key).setIsDelete(true).build());

        assertThat(filter.definitelyAbsent(key)).isFalse();
        assertThat(CommittedState.of(database.dataSource(), filter).get(key)).isEmpty();
    }

    /** Writes one block with one valid transaction, feeding the filter before the commit as BlockCommitter does. */
    private static long commit(StateKeyFilter filter, String key, String value) throws Exception {
        return commit(filter, KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFromUtf8(value)).build());
    }

    private static long commit(StateKeyFilter filter, KVWrite write) throws Exception {
        long number = 1_000 + BLOCKS.incrementAndGet();
        TxOutcome tx = new TxOutcome("tx-" + number, TxValidationCode.VALID, Timestamp.newBuilder().setSeconds(1).build(),
                List.of(write), null);
        Block block = Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(number)).build();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            new BlockStore(database.dataSource()).append(c, new CommittedBlock(block, List.of(tx)), Instant.now());
            filter.addAll(tx.writes());
            c.commit();
        }
        return number;
    }

    private static DataSource counting(DataSource target, AtomicInteger borrowed) {
        return (DataSource) Proxy.newProxyInstance(StateKeyFilterTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        borrowed.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
