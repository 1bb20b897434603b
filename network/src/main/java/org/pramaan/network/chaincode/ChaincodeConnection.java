package org.pramaan.network.chaincode;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's connection to one chaincode server (chaincode as a service): it dials the server,
 * accepts its REGISTER only under the expected package id, and runs every transaction on that one
 * stream (the shim keeps its state per process: S/shim/impl/InvocationTaskManager.java). When the
 * stream breaks, transactions on it fail with {@link ChaincodeUnavailableException} and the
 * connection dials again, pausing {@link ChaincodeLimits#reconnectMin()} doubling to
 * {@link ChaincodeLimits#reconnectMax()}, so a restarted server is used again without restarting the peer.
 *
 * <pre>{@code
 * try (ChaincodeConnection chaincode = ChaincodeConnection.open(endpoint)) {
 *     chaincode.awaitReady(Duration.ofSeconds(30));
 *     Simulation result = chaincode.execute(invocation, committedState);
 * }
 * }</pre>
 *
 * <p>Metrics: timer {@code pramaan.chaincode.execute} (tags chaincode, outcome = ok|refused|unavailable)
 * and counter {@code pramaan.chaincode.execute.failures} (tags chaincode, reason).
 */
public final class ChaincodeConnection implements ChaincodeExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeConnection.class);

    private final ChaincodeEndpoint endpoint;
    private final ChaincodeLimits limits;
    private final MeterRegistry meters;
    private final Semaphore slots;
    private final ScheduledExecutorService dialer;
    private final ExecutorService ledgerWork;
    private final Object lock = new Object();
    private ManagedChannel channel;
    private ChaincodeStream stream;
    private String lastFailure = "not dialled yet";
    private Duration pause;
    private boolean closed;

    private ChaincodeConnection(ChaincodeEndpoint endpoint, ChaincodeLimits limits, MeterRegistry meters) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.slots = new Semaphore(limits.maxConcurrentTransactions(), true);
        this.pause = limits.reconnectMin();
        this.dialer = new ScheduledThreadPoolExecutor(1, daemon("chaincode-dialer-" + endpoint.chaincodeName()));
        int workers = Math.max(2, Math.min(8, limits.maxConcurrentTransactions()));
        this.ledgerWork = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(limits.maxConcurrentTransactions() * 4),
                daemon("chaincode-ledger-" + endpoint.chaincodeName()));
    }

    /** Starts dialling {@code endpoint} with default limits and the global meter registry. */
    public static ChaincodeConnection open(ChaincodeEndpoint endpoint) {
        return open(endpoint, ChaincodeLimits.defaults(), Metrics.globalRegistry);
    }

    /** Starts dialling {@code endpoint}; the connection registers in the background. */
    public static ChaincodeConnection open(ChaincodeEndpoint endpoint, ChaincodeLimits limits, MeterRegistry meters) {
        ChaincodeConnection connection = new ChaincodeConnection(endpoint, limits, meters);
        connection.dialer.execute(connection::dial);
        return connection;
    }

    public ChaincodeEndpoint endpoint() {
        return endpoint;
    }

    /** Whether a registered stream is open now. */
    public boolean isReady() {
        synchronized (lock) {
            return stream != null && stream.isOpen();
        }
    }

    /** Waits until the chaincode server registered; throws with the last dial failure if it did not in time. */
    public void awaitReady(Duration timeout) {
        currentStream(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public Simulation execute(Invocation invocation, StateReader state) {
        Objects.requireNonNull(invocation, "invocation");
        Objects.requireNonNull(state, "state");
        long started = System.nanoTime();
        long deadline = started + invocation.timeout().toNanos();
        String outcome = "unavailable";
        try {
            if (!slots.tryAcquire(invocation.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw failure("busy", "more than " + limits.maxConcurrentTransactions()
                        + " transactions are executing on chaincode " + endpoint.chaincodeName(), null);
            }
            try {
                Simulation simulation = run(invocation, state, deadline);
                outcome = simulation.succeeded() ? "ok" : "refused";
                return simulation;
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", "interrupted while executing " + invocation.txId(), e);
        } finally {
            Timer.builder("pramaan.chaincode.execute").description("chaincode execution, TRANSACTION to COMPLETED")
                    .tag("chaincode", endpoint.chaincodeName()).tag("outcome", outcome)
                    .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Simulation run(Invocation invocation, StateReader state, long deadline) throws InterruptedException {
        long dialDeadline = Math.min(deadline, System.nanoTime() + endpoint.dialTimeout().toNanos());
        ChaincodeStream current;
        try {
            current = currentStream(dialDeadline);
        } catch (ChaincodeUnavailableException e) {
            throw failure("not-connected", e.getMessage(), e.getCause());
        }
        TransactionRun run = new TransactionRun(invocation, state, endpoint.chaincodeName(), limits);
        current.start(run);
        try {
            return run.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            run.fail(new ChaincodeUnavailableException("timed out"));
            throw failure("timeout", "chaincode " + endpoint.chaincodeName() + " did not answer transaction "
                    + invocation.txId() + " within " + invocation.timeout(), e);
        } catch (ExecutionException e) {
            ChaincodeUnavailableException cause = (ChaincodeUnavailableException) e.getCause();
            throw failure("error", cause.getMessage(), cause);
        }
    }

    @Override
    public void close() {
        ChaincodeStream last;
        ManagedChannel lastChannel;
        synchronized (lock) {
            closed = true;
            last = stream;
            lastChannel = channel;
            stream = null;
            channel = null;
            lock.notifyAll();
        }
        dialer.shutdownNow();
        if (last != null) {
            last.abort("the peer closed its connection to chaincode " + endpoint.chaincodeName());
        }
        if (lastChannel != null) {
            lastChannel.shutdownNow();
        }
        ledgerWork.shutdownNow();
    }

    private ChaincodeStream currentStream(long deadline) {
        synchronized (lock) {
            while (!closed && (stream == null || !stream.isOpen())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new ChaincodeUnavailableException("chaincode " + endpoint.chaincodeName() + " at "
                            + endpoint.address() + " is not connected: " + lastFailure);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ChaincodeUnavailableException("interrupted while waiting for chaincode "
                            + endpoint.chaincodeName(), e);
                }
            }
            if (closed) {
                throw new ChaincodeUnavailableException("the connection to chaincode " + endpoint.chaincodeName()
                        + " is closed");
            }
            return stream;
        }
    }

    private void dial() {
        ManagedChannel dialled;
        ChaincodeStream opened;
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                dialled = newChannel();
            } catch (IOException | RuntimeException e) {
                lastFailure = "cannot set up the channel: " + e.getMessage();
                LOG.error("chaincode {}: {}", endpoint, lastFailure);
                scheduleDial();
                return;
            }
            opened = new ChaincodeStream(endpoint, ledgerWork);
            channel = dialled;
            stream = opened;
        }
        opened.registered().whenComplete((ok, failed) -> {
            synchronized (lock) {
                if (failed == null) {
                    pause = limits.reconnectMin();
                    lastFailure = "none";
                }
                lock.notifyAll();
            }
        });
        opened.closed().whenComplete((cause, ignored) -> streamEnded(opened, dialled, cause));
        try {
            opened.open(ChaincodeGrpc.newStub(dialled));
        } catch (RuntimeException e) {
            opened.abort("cannot open the stream: " + e.getMessage());
            return;
        }
        dialer.schedule(() -> {
            if (!opened.registered().isDone()) {
                opened.abort("chaincode server " + endpoint.address() + " did not REGISTER within "
                        + endpoint.dialTimeout());
            }
        }, endpoint.dialTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void streamEnded(ChaincodeStream ended, ManagedChannel endedChannel, Throwable cause) {
        synchronized (lock) {
            if (stream == ended) {
                stream = null;
                channel = null;
                lastFailure = cause == null ? "stream ended" : cause.getMessage();
                scheduleDial();
            }
            lock.notifyAll();
        }
        endedChannel.shutdownNow();
    }

    private void scheduleDial() {
        if (closed) {
            return;
        }
        Duration wait = pause;
        pause = pause.multipliedBy(2).compareTo(limits.reconnectMax()) > 0 ? limits.reconnectMax() : pause.multipliedBy(2);
        LOG.debug("dialling chaincode {} again in {}", endpoint.address(), wait);
        try {
            dialer.schedule(this::dial, wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            LOG.debug("not dialling {} again: closing", endpoint.address());
        }
    }

    private ManagedChannel newChannel() throws IOException {
        ChannelCredentials credentials;
        if (endpoint.tlsRequired()) {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder()
                    .trustManager(pem(endpoint.rootCertPem()));
            if (endpoint.clientCertPem() != null) {
                tls.keyManager(pem(endpoint.clientCertPem()), pem(endpoint.clientKeyPem()));
            }
            credentials = tls.build();
        } else {
            credentials = InsecureChannelCredentials.create();
        }
        // A new channel per dial: a channel's own reconnect backoff grows to minutes.
        return NettyChannelBuilder.forTarget(endpoint.address(), credentials)
                .maxInboundMessageSize(limits.maxMessageBytes())
                .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        endpoint.dialTimeout().toMillis()))
                .build();
    }

    private ChaincodeUnavailableException failure(String reason, String message, Throwable cause) {
        Counter.builder("pramaan.chaincode.execute.failures").description("executions without a chaincode response")
                .tag("chaincode", endpoint.chaincodeName()).tag("reason", reason).register(meters).increment();
        LOG.warn("chaincode {} execution failed ({}): {}", endpoint.chaincodeName(), reason, message);
        return new ChaincodeUnavailableException(message, cause);
    }

    private static ByteArrayInputStream pem(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
