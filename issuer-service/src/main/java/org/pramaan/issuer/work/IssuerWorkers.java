package org.pramaan.issuer.work;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pramaan.service.work.LeasedWorker;
import org.pramaan.service.work.WorkerLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs every {@link IssuerQueue} on its own {@link LeasedWorker} from start to shutdown, and wakes a queue's idle
 * threads when this process queued work for it (after the queuing transaction committed; work queued by another
 * process is found at the next idle poll). Rows are shared with any other issuer-service process on the same
 * database through their leases.
 */
@Component
public class IssuerWorkers implements SmartLifecycle {

    private final Map<QueueName, LeasedWorker<?>> workers = new EnumMap<>(QueueName.class);
    private final boolean enabled;

    public IssuerWorkers(List<IssuerQueue<?>> queues, Clock clock,
                         @Value("${pramaan.workers.enabled:true}") boolean enabled) {
        for (IssuerQueue<?> queue : queues) {
            workers.put(queue.name(), worker(queue, clock));
        }
        this.enabled = enabled;
    }

    private static <T> LeasedWorker<T> worker(IssuerQueue<T> queue, Clock clock) {
        return new LeasedWorker<>(queue.name().name().toLowerCase(Locale.ROOT), queue, queue, queue.settings(), clock,
                WorkerLoop.Pace.NONE);
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
        }
    }

    @Override
    public synchronized void stop() {
        workers.values().forEach(LeasedWorker::stop);
    }

    @Override
    public synchronized boolean isRunning() {
        return workers.values().stream().anyMatch(LeasedWorker::isRunning);
    }
}
