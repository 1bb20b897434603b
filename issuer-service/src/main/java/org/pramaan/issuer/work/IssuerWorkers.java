package org.pramaan.issuer.work;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.pramaan.service.work.LeasedWorker;
import org.pramaan.service.work.PgWakeUps;
import org.pramaan.service.work.WorkerLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs every {@link IssuerQueue} on its own {@link LeasedWorker} from start to shutdown, and wakes a queue's idle
 * threads whenever any process queued work for it: the queuing transaction sends a PostgreSQL {@code NOTIFY} on the
 * queue's channel ({@code pramaan_issuer_<queue>}), which goes out with its commit to every issuer-service process
 * listening ({@link PgWakeUps}); this process also wakes its own workers directly after the commit. The idle poll is
 * only a safety net. Rows are shared with any other issuer-service process on the same database through their leases.
 */
@Component
public class IssuerWorkers implements SmartLifecycle {

    private final Map<QueueName, LeasedWorker<?>> workers = new EnumMap<>(QueueName.class);
    private final boolean enabled;
    private final JdbcClient jdbc;
    private final PgWakeUps wakeUps;

    public IssuerWorkers(List<IssuerQueue<?>> queues, Clock clock, DataSource dataSource, JdbcClient jdbc,
                         @Value("${pramaan.workers.enabled:true}") boolean enabled) {
        this.wakeUps = PgWakeUps.on(dataSource);
        for (IssuerQueue<?> queue : queues) {
            LeasedWorker<?> worker = worker(queue, clock);
            workers.put(queue.name(), worker);
            wakeUps.on(channel(queue.name()), worker::wake);
        }
        this.enabled = enabled;
        this.jdbc = jdbc;
    }

    /** The PostgreSQL notification channel of a queue. */
    public static String channel(QueueName queue) {
        return "pramaan_issuer_" + queue.name().toLowerCase(Locale.ROOT);
    }

    /**
     * In the transaction that queued the work: a NOTIFY that PostgreSQL sends with the commit (and drops with a
     * rollback), to this and every other process listening. Outside a transaction it goes at once.
     */
    @EventListener
    public void notifyOthers(WorkQueued event) {
        jdbc.sql(PgWakeUps.NOTIFY_SQL).param(channel(event.queue())).query((rs, n) -> 1).list();
    }

    private static <T> LeasedWorker<T> worker(IssuerQueue<T> queue, Clock clock) {
        return new LeasedWorker<>(queue.name().name().toLowerCase(Locale.ROOT), queue, queue, queue.settings(), clock,
                WorkerLoop.Pace.NONE, queue.threadPriority());
    }

    /** After the transaction that queued the work commits; at once when it was queued outside a transaction. */
    @TransactionalEventListener(fallbackExecution = true)
    public void queued(WorkQueued event) {
        LeasedWorker<?> worker = workers.get(event.queue());
        if (worker != null) {
            worker.wake();
        }
    }

    @Override
    public synchronized void start() {
        if (enabled) {
            workers.values().forEach(LeasedWorker::start);
            wakeUps.start();
        }
    }

    @Override
    public synchronized void stop() {
        wakeUps.close();
        workers.values().forEach(LeasedWorker::stop);
    }

    @Override
    public synchronized boolean isRunning() {
        return workers.values().stream().anyMatch(LeasedWorker::isRunning);
    }
}
