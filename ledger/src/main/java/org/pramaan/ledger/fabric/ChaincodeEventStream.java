package org.pramaan.ledger.fabric;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.ChaincodeEventsRequest;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the chaincode's events, typed by {@link ChaincodeEvents}, to one listener on a thread of
 * its own, from the Gateway's event stream resumed at the subscriber's checkpoint: from the first
 * block when there is none, else after the last event delivered. When the listener throws, the
 * checkpoint or the stream fails, the stream is closed and reopened from the checkpoint after a
 * backoff, so the same event comes again and nothing is skipped.
 */
final class ChaincodeEventStream implements EventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeEventStream.class);

    private final Network network;
    private final String chaincode;
    private final String subscriber;
    private final Consumer<LedgerEvent> listener;
    private final PostgresCheckpointer checkpointer;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private final Consumer<ChaincodeEventStream> onClose;
    private volatile CloseableIterator<ChaincodeEvent> current;
    private volatile Instant connectedSince;

    ChaincodeEventStream(Network network, String chaincode, String subscriber, Consumer<LedgerEvent> listener,
                         PostgresCheckpointer checkpointer, Duration minBackoff, Duration maxBackoff,
                         Consumer<ChaincodeEventStream> onClose) {
        this.onClose = onClose;
        this.network = network;
        this.chaincode = chaincode;
        this.subscriber = subscriber;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.checkpointer = checkpointer;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "ledger-events-" + subscriber);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public long checkpoint() {
        return checkpointer.lastEventBlock();
    }

    @Override
    public Optional<Instant> connectedSince() {
        return Optional.ofNullable(connectedSince);
    }

    @Override
    public void close() {
        connectedSince = null;
        closed.countDown();
        CloseableIterator<ChaincodeEvent> events = current;
        if (events != null) {
            events.close();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    private void run() {
        Duration backoff = minBackoff;
        while (!isClosed()) {
            try (CloseableIterator<ChaincodeEvent> events = open()) {
                current = events;
                if (isClosed()) {
                    return;
                }
                connectedSince = Instant.now();
                while (events.hasNext()) {
                    deliver(events.next());
                    backoff = minBackoff;
                }
                LOG.warn("Ledger events for {}: the stream ended; reconnecting from block {}", subscriber, checkpoint());
            } catch (GatewayRuntimeException e) {
                if (isClosed()) {
                    return;
                }
                LOG.warn("Ledger events for {}: stream failed ({} {}); reconnecting from block {} in {} ms", subscriber,
                        e.getStatus().getCode(), e.getStatus().getDescription(), checkpoint(), backoff.toMillis());
            } catch (IOException e) {
                LOG.warn("Ledger events for {}: {}; the event is delivered again in {} ms", subscriber, e.getMessage(),
                        backoff.toMillis());
            } catch (RuntimeException e) {
                // The listener failed: the stream restarts from the checkpoint, which this event did not pass.
                LOG.warn("Ledger events for {}: listener failed after block {}; the event is delivered again in {} ms",
                        subscriber, checkpoint(), backoff.toMillis(), e);
            } finally {
                connectedSince = null;
                current = null;
            }
            if (await(backoff)) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private CloseableIterator<ChaincodeEvent> open() {
        ChaincodeEventsRequest.Builder request = network.newChaincodeEventsRequest(chaincode);
        if (checkpointer.getBlockNumber().isPresent()) {
            request.checkpoint(checkpointer);
        } else {
            request.startBlock(0);
        }
        return request.build().getEvents();
    }

    private void deliver(ChaincodeEvent event) throws IOException {
        listener.accept(ChaincodeEvents.parse(event));
        checkpointer.checkpointChaincodeEvent(event);
    }

    /** Waits for the backoff; true when the subscription was closed meanwhile. */
    private boolean await(Duration backoff) {
        try {
            return closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
