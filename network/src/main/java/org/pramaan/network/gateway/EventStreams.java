package org.pramaan.network.gateway;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.pramaan.network.ledger.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ChaincodeEvents streams (internal/pkg/gateway/chaincodeevents.go): one response per block that
 * holds events of the chaincode, from the start block on, read from PostgreSQL (so a stream can
 * start in the past and survive a peer restart) and then following new blocks. A stream never
 * ends by itself; the client cancels it.
 */
final class EventStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    private static final int BLOCKS_PER_READ = 100;
    private static final long FOLLOW_WAIT_MILLIS = 1_000;

    private final EventLog log;
    private final ChainHeight height;
    private final ExecutorService threads;
    private final Semaphore slots;

    EventStreams(EventLog log, ChainHeight height, ExecutorService threads, int maxStreams) {
        this.log = log;
        this.height = height;
        this.threads = threads;
        this.slots = new Semaphore(maxStreams);
    }

    /** Streams events of {@code chaincodeId} from block {@code start}, leaving out its transactions up to {@code skipThroughTx}. */
    void open(String chaincodeId, long start, int skipThroughTx, ServerCallStreamObserver<ChaincodeEventsResponse> client) {
        if (!slots.tryAcquire()) {
            client.onError(GatewayErrors.error(Status.Code.RESOURCE_EXHAUSTED, "too many chaincode event streams"));
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    follow(chaincodeId, start, skipThroughTx, client);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            client.onError(GatewayErrors.error(Status.Code.UNAVAILABLE, "the peer is stopping"));
        }
    }

    private void follow(String chaincodeId, long start, int skipThroughTx, ServerCallStreamObserver<ChaincodeEventsResponse> client) {
        long next = start;
        int skip = skipThroughTx;
        try {
            while (!client.isCancelled()) {
                long last = height.last();
                if (next > last) {
                    height.awaitAfter(next - 1, FOLLOW_WAIT_MILLIS);
                    continue;
                }
                long through = Math.min(last, next + BLOCKS_PER_READ - 1);
                for (EventLog.BlockEvents block : log.read(chaincodeId, next, skip, through)) {
                    if (client.isCancelled()) {
                        return;
                    }
                    client.onNext(ChaincodeEventsResponse.newBuilder().setBlockNumber(block.blockNumber())
                            .addAllEvents(block.events()).build());
                }
                next = through + 1;
                skip = -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(client, Status.Code.UNAVAILABLE, "the peer is stopping");
        } catch (RuntimeException e) {
            LOG.warn("A chaincode event stream failed at block {}: {}", next, e.getMessage());
            cancel(client, Status.Code.ABORTED, e.getMessage());
        }
    }

    private static void cancel(ServerCallStreamObserver<ChaincodeEventsResponse> client, Status.Code code, String message) {
        if (!client.isCancelled()) {
            try {
                client.onError(GatewayErrors.error(code, message));
            } catch (RuntimeException ignored) {
                // The call is already closed.
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
