package org.pramaan.network.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.network.ledger.CommittedBlock;
import org.pramaan.network.ledger.TxOutcome;
import org.pramaan.network.ordering.BlockListener;

/**
 * The peer's meters: blocks committed, transactions by validation code, endorsement latency, and
 * commit latency (from Submit to the block's database commit).
 */
public final class PeerMetrics implements BlockListener {

    private final MeterRegistry registry;
    private final Counter blocks;
    private final Timer endorse;
    private final Timer commit;
    private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();

    public PeerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.blocks = Counter.builder("devpeer.blocks").description("Blocks committed").register(registry);
        this.endorse = Timer.builder("devpeer.endorse").description("Proposal simulation and endorsement")
                .publishPercentileHistogram().register(registry);
        this.commit = Timer.builder("devpeer.commit").description("From Submit to the block's commit")
                .publishPercentileHistogram().register(registry);
    }

    public void endorsed(Duration took) {
        endorse.record(took);
    }

    public void submitted(String txId) {
        submittedAt.put(txId, System.nanoTime());
    }

    @Override
    public void committed(CommittedBlock block) {
        blocks.increment();
        long now = System.nanoTime();
        for (TxOutcome tx : block.outcomes()) {
            Counter.builder("devpeer.transactions").description("Committed transactions by validation code")
                    .tag("code", tx.code().name()).register(registry).increment();
            Long at = submittedAt.remove(tx.txId());
            if (at != null) {
                commit.record(Duration.ofNanos(now - at));
            }
        }
    }
}
