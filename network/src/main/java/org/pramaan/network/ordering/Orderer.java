package org.pramaan.network.ordering;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A solo ordering service in the peer's process: accepts envelopes in arrival order and cuts
 * blocks by {@link BatchSettings} (Fabric's orderer/common/blockcutter), handing each batch to
 * the committer. There is no consensus: one thread orders, which is why this is a development peer.
 */
public final class Orderer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Orderer.class);
    private static final int QUEUE_CAPACITY = 20_000;

    private final BatchSettings batch;
    private final BlockCommitter committer;
    private final BlockingQueue<ByteString> pending = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread cutter;
    private volatile boolean running = true;

    public Orderer(BatchSettings batch, BlockCommitter committer) {
        this.batch = batch;
        this.committer = committer;
        this.cutter = new Thread(this::cutBlocks, "orderer-block-cutter");
        this.cutter.setDaemon(true);
        this.cutter.start();
    }

    /** Queues {@code envelope} for the next block; false when the orderer is stopped or full. */
    public boolean broadcast(ByteString envelope) {
        return running && pending.offer(envelope);
    }

    private void cutBlocks() {
        while (running) {
            try {
                ByteString first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<ByteString> block = new ArrayList<>();
                block.add(first);
                long deadline = System.nanoTime() + batch.batchTimeout().toNanos();
                while (block.size() < batch.maxMessageCount()) {
                    long left = deadline - System.nanoTime();
                    ByteString next = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : pending.poll();
                    if (next == null) {
                        break;
                    }
                    block.add(next);
                }
                commit(block);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void commit(List<ByteString> block) {
        try {
            committer.commit(block);
        } catch (RuntimeException e) {
            LOG.error("A block of {} transactions could not be committed and is lost: {}", block.size(), e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        cutter.interrupt();
        try {
            cutter.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
