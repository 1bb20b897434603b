package org.pramaan.bridge.outbound;

import org.pramaan.service.work.PgWakeUps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the senders when new messages are committed, so replies do not wait for a poll: a PostgreSQL {@code NOTIFY}
 * on {@value #CHANNEL} in the queuing transaction (sent with its commit to every bridge process listening, see
 * {@link PgWakeUps}), and this process's own sender directly after the commit.
 */
@Component
public class OutboxSignal {

    /** The outbox's notification channel. */
    public static final String CHANNEL = "pramaan_bridge_outbox";

    private final JdbcTemplate jdbc;
    private volatile Runnable listener = () -> { };

    public OutboxSignal(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Who is woken: the sender, once it exists (the outbox is made before it). */
    public void listen(Runnable wake) {
        listener = wake;
    }

    /** Signals now, or after the surrounding transaction commits (an uncommitted row is invisible to the sender). */
    public void afterCommit() {
        // With the transaction's commit (or at once without one), to every process: PostgreSQL folds repeats.
        jdbc.query(PgWakeUps.NOTIFY_SQL, rs -> null, CHANNEL);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal();
                }
            });
        } else {
            signal();
        }
    }

    public void signal() {
        listener.run();
    }
}
