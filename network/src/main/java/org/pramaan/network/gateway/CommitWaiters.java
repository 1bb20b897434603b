package org.pramaan.network.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.ledger.BlockStore.TxStatus;
import org.pramaan.network.ledger.CommittedBlock;
import org.pramaan.network.ledger.TxOutcome;
import org.pramaan.network.ordering.BlockListener;

/**
 * CommitStatus callers waiting for their transaction (internal/pkg/gateway/commit/): answered at
 * once from the transaction index when already committed, else when its block commits.
 */
final class CommitWaiters implements BlockListener {

    private final BlockStore ledger;
    private final Map<String, List<CompletableFuture<TxStatus>>> waiting = new ConcurrentHashMap<>();

    CommitWaiters(BlockStore ledger) {
        this.ledger = ledger;
    }

    /** Completes when {@code txId} is committed; registered before the index is read, so no commit slips between. */
    CompletableFuture<TxStatus> await(String txId) {
        CompletableFuture<TxStatus> status = new CompletableFuture<>();
        waiting.computeIfAbsent(txId, id -> new CopyOnWriteArrayList<>()).add(status);
        status.whenComplete((s, e) -> forget(txId, status));
        ledger.status(txId).ifPresent(status::complete);
        return status;
    }

    private void forget(String txId, CompletableFuture<TxStatus> status) {
        waiting.computeIfPresent(txId, (id, list) -> {
            list.remove(status);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void committed(CommittedBlock block) {
        for (int txNumber = 0; txNumber < block.outcomes().size(); txNumber++) {
            TxOutcome tx = block.outcomes().get(txNumber);
            List<CompletableFuture<TxStatus>> futures = waiting.get(tx.txId());
            if (futures != null) {
                TxStatus status = new TxStatus(block.number(), txNumber, tx.code());
                futures.forEach(f -> f.complete(status));
            }
        }
    }
}
