package org.pramaan.network.gateway;

import org.pramaan.network.ledger.CommittedBlock;
import org.pramaan.network.ordering.BlockListener;

/** The number of the last committed block, for event streams that follow new blocks. */
final class ChainHeight implements BlockListener {

    private long last;

    ChainHeight(long last) {
        this.last = last;
    }

    synchronized long last() {
        return last;
    }

    /** Waits up to {@code millis} for a block after {@code number}; returns the last block number. */
    synchronized long awaitAfter(long number, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (last <= number) {
            long left = until - System.currentTimeMillis();
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return last;
    }

    @Override
    public synchronized void committed(CommittedBlock block) {
        last = Math.max(last, block.number());
        notifyAll();
    }
}
