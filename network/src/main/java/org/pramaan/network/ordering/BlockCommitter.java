package org.pramaan.network.ordering;

import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pramaan.network.ledger.BlockHashes;
import org.pramaan.network.ledger.BlockMetadataSlots;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.ledger.CommittedBlock;
import org.pramaan.network.ledger.CommittedState;
import org.pramaan.network.ledger.Genesis;
import org.pramaan.network.ledger.LedgerException;
import org.pramaan.network.ledger.StateKeyFilter;
import org.pramaan.network.ledger.TxOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committing peer: validates each transaction of an ordered batch (envelope checks, duplicate
 * tx ids, then read-set checks against committed state and the block's earlier valid writes,
 * as core/committer/txvalidator and kvledger do), chains the block to the head and writes it in
 * one database transaction, then tells the listeners.
 */
public final class BlockCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(BlockCommitter.class);

    private final BlockStore store;
    private final EnvelopeValidator validator;
    private final Clock clock;
    private final StateKeyFilter keyFilter;
    private final List<BlockListener> listeners = new CopyOnWriteArrayList<>();

    public BlockCommitter(BlockStore store, EnvelopeValidator validator, Clock clock) {
        this(store, validator, clock, null);
    }

    /**
     * With {@code keyFilter} (may be null) the read-set check skips keys never committed, and each
     * block's written keys go into the filter before the block's database transaction commits.
     */
    public BlockCommitter(BlockStore store, EnvelopeValidator validator, Clock clock, StateKeyFilter keyFilter) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
        this.keyFilter = keyFilter;
    }

    public void addListener(BlockListener listener) {
        listeners.add(listener);
    }

    /** Writes block 0 when the ledger is empty. */
    public void ensureGenesis(String channelId) {
        if (store.head().isEmpty()) {
            write(Genesis.block(channelId, clock.instant()));
            LOG.info("Wrote the genesis block of channel {}", channelId);
        }
    }

    /** Validates and commits {@code envelopes} as the next block. */
    public synchronized CommittedBlock commit(List<ByteString> envelopes) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                BlockStore.Head head = store.head().orElseThrow(() -> new IllegalStateException("the ledger has no genesis block"));
                CommittedState state = CommittedState.on(c, keyFilter);
                Set<String> txIdsInBlock = new HashSet<>();
                Set<String> writtenInBlock = new HashSet<>();
                List<TxOutcome> outcomes = new ArrayList<>();
                byte[] filter = new byte[envelopes.size()];
                List<CheckedTransaction> checked = new ArrayList<>(envelopes.size());
                Set<String> txIds = new HashSet<>();
                for (ByteString envelope : envelopes) {
                    CheckedTransaction tx = validator.check(envelope);
                    checked.add(tx);
                    if (!tx.txId().isEmpty()) {
                        txIds.add(tx.txId());
                    }
                }
                Set<String> committedBefore = store.committedTxIds(c, txIds);
                for (CheckedTransaction tx : checked) {
                    TxOutcome outcome = judge(tx, state, txIdsInBlock, committedBefore, writtenInBlock);
                    filter[outcomes.size()] = (byte) outcome.code().getNumber();
                    outcomes.add(outcome);
                }
                BlockData data = BlockData.newBuilder().addAllData(envelopes).build();
                BlockHeader header = BlockHeader.newBuilder().setNumber(head.number() + 1)
                        .setPreviousHash(ByteString.copyFrom(head.headerHash()))
                        .setDataHash(ByteString.copyFrom(BlockHashes.dataHash(data))).build();
                CommittedBlock block = new CommittedBlock(Block.newBuilder().setHeader(header).setData(data)
                        .setMetadata(BlockMetadataSlots.withFilter(filter)).build(), outcomes);
                store.append(c, block, clock.instant());
                if (keyFilter != null) {
                    // Before the commit: a reader must never see a committed key as absent.
                    outcomes.stream().filter(TxOutcome::valid).forEach(o -> keyFilter.addAll(o.writes()));
                }
                c.commit();
                if (keyFilter != null) {
                    keyFilter.growIfFull();
                }
                listeners.forEach(l -> l.committed(block));
                return block;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new LedgerException("cannot commit a block: " + e.getMessage(), e);
        }
    }

    private TxOutcome judge(CheckedTransaction tx, CommittedState state, Set<String> txIdsInBlock,
                            Set<String> committedBefore, Set<String> writtenInBlock) {
        TxValidationCode code = tx.code();
        if (!tx.txId().isEmpty() && (!txIdsInBlock.add(tx.txId()) || committedBefore.contains(tx.txId()))) {
            code = TxValidationCode.DUPLICATE_TXID;
        }
        if (code == TxValidationCode.VALID) {
            code = ReadSetCheck.check(tx.readWriteSet(), state, writtenInBlock);
        }
        if (code != TxValidationCode.VALID) {
            return TxOutcome.invalid(tx.txId(), code, tx.timestamp());
        }
        tx.readWriteSet().getWritesList().forEach(w -> writtenInBlock.add(w.getKey()));
        return new TxOutcome(tx.txId(), code, tx.timestamp(), tx.readWriteSet().getWritesList(), tx.event());
    }

    private void write(CommittedBlock block) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            store.append(c, block, clock.instant());
            c.commit();
        } catch (SQLException e) {
            throw new LedgerException("cannot write block " + block.number() + ": " + e.getMessage(), e);
        }
    }
}
