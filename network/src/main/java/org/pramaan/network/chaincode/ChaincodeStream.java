package org.pramaan.network.chaincode;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hyperledger.fabric.protos.peer.ChaincodeGrpc;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code protos.Chaincode/Connect} stream to a chaincode server: the handshake (REGISTER from
 * the shim, REGISTERED then READY from us; F core/chaincode/handler.go), then many transactions at
 * once, told apart by channel and txid. When the stream ends every transaction on it fails.
 */
final class ChaincodeStream implements StreamObserver<ChaincodeMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeStream.class);

    private final ChaincodeEndpoint endpoint;
    private final Executor ledgerWork;
    private final Map<String, TransactionRun> runs = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> registered = new CompletableFuture<>();
    private final CompletableFuture<Throwable> closed = new CompletableFuture<>();
    private StreamObserver<ChaincodeMessage> outbound;

    ChaincodeStream(ChaincodeEndpoint endpoint, Executor ledgerWork) {
        this.endpoint = endpoint;
        this.ledgerWork = ledgerWork;
    }

    void open(ChaincodeGrpc.ChaincodeStub stub) {
        // Held while connecting so that an early REGISTER waits for the outbound side (send locks too).
        synchronized (this) {
            outbound = stub.connect(this);
        }
    }

    /** Completes once the server registered with the expected package id; fails if it did not. */
    CompletableFuture<Void> registered() {
        return registered;
    }

    /** Completes with the reason when the stream ended. */
    CompletableFuture<Throwable> closed() {
        return closed;
    }

    boolean isOpen() {
        return registered.isDone() && !registered.isCompletedExceptionally() && !closed.isDone();
    }

    /** Starts {@code run} on the chaincode; its outcome completes when the shim answers. */
    void start(TransactionRun run) {
        if (runs.putIfAbsent(run.key(), run) != null) {
            // F core/chaincode/active_transactions.go: one txid runs once per channel at a time.
            throw new ChaincodeUnavailableException("transaction " + run.invocation().txId()
                    + " is already executing on channel " + run.invocation().channelId());
        }
        run.outcome().whenComplete((simulation, failure) -> runs.remove(run.key(), run));
        if (!isOpen()) {
            run.fail(new ChaincodeUnavailableException("the stream to chaincode " + endpoint.packageId() + " closed"));
            return;
        }
        send(run.transactionMessage());
    }

    /** Ends the stream from our side, failing what runs on it. */
    void abort(String reason) {
        StreamObserver<ChaincodeMessage> requests;
        synchronized (this) {
            requests = outbound;
        }
        if (requests != null) {
            try {
                requests.onError(Status.CANCELLED.withDescription(reason).asRuntimeException());
            } catch (RuntimeException alreadyClosed) {
                LOG.debug("stream to {} already closed", endpoint.address());
            }
        }
        ended(new ChaincodeUnavailableException(reason));
    }

    @Override
    public void onNext(ChaincodeMessage message) {
        if (!registered.isDone()) {
            handshake(message);
            return;
        }
        switch (message.getType()) {
            case COMPLETED -> withRun(message, run -> run.completed(message));
            case ERROR -> withRun(message, run -> run.fail(new ChaincodeUnavailableException("chaincode "
                    + endpoint.chaincodeName() + " failed transaction " + message.getTxid() + ": "
                    + firstLine(message.getPayload().toString(StandardCharsets.UTF_8)))));
            case KEEPALIVE -> LOG.trace("keepalive from {}", endpoint.address());
            default -> answerLedgerCall(message);
        }
    }

    @Override
    public void onError(Throwable t) {
        ended(t);
    }

    @Override
    public void onCompleted() {
        ended(new ChaincodeUnavailableException("chaincode server " + endpoint.address() + " ended the stream"));
    }

    private void handshake(ChaincodeMessage message) {
        if (message.getType() != ChaincodeMessage.Type.REGISTER) {
            refuse("expected REGISTER, got " + message.getType());
            return;
        }
        String name;
        try {
            name = ChaincodeID.parseFrom(message.getPayload()).getName();
        } catch (InvalidProtocolBufferException e) {
            refuse("REGISTER without a ChaincodeID");
            return;
        }
        if (!endpoint.packageId().equals(name)) {
            refuse("chaincode server " + endpoint.address() + " registered as '" + name + "', expected '"
                    + endpoint.packageId() + "'");
            return;
        }
        send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.REGISTERED).build());
        send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.READY).build());
        LOG.info("chaincode {} registered at {}", name, endpoint.address());
        registered.complete(null);
    }

    private void refuse(String reason) {
        LOG.warn("refusing chaincode stream: {}", reason);
        send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.ERROR)
                .setPayload(com.google.protobuf.ByteString.copyFromUtf8(reason)).build());
        registered.completeExceptionally(new ChaincodeUnavailableException(reason));
        abort(reason);
    }

    private void answerLedgerCall(ChaincodeMessage request) {
        TransactionRun run = runs.get(TransactionRun.key(request.getChannelId(), request.getTxid()));
        if (run == null) {
            send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.ERROR).setTxid(request.getTxid())
                    .setChannelId(request.getChannelId())
                    .setPayload(com.google.protobuf.ByteString.copyFromUtf8(
                            "no transaction " + request.getTxid() + " is executing (it may have timed out)"))
                    .build());
            return;
        }
        ChaincodeMessage atOnce = run.answerAtOnce(request);
        if (atOnce != null) {
            // A write (into the simulation's write set) or a read of a key the peer knows is absent needs no
            // database: answered on the gRPC thread, which spares a batch of 1,000 certificates 2,000 hand-offs.
            send(atOnce);
            return;
        }
        try {
            // Off the gRPC thread: a state read may wait on a database. The shim makes one call
            // at a time per transaction, so order within a transaction holds.
            ledgerWork.execute(() -> send(run.answer(request)));
        } catch (RejectedExecutionException e) {
            send(ChaincodeMessage.newBuilder().setType(ChaincodeMessage.Type.ERROR).setTxid(request.getTxid())
                    .setChannelId(request.getChannelId())
                    .setPayload(com.google.protobuf.ByteString.copyFromUtf8("the peer is shutting down")).build());
        }
    }

    private void withRun(ChaincodeMessage message, java.util.function.Consumer<TransactionRun> action) {
        TransactionRun run = runs.get(TransactionRun.key(message.getChannelId(), message.getTxid()));
        if (run == null) {
            LOG.debug("{} for unknown transaction {} (timed out?)", message.getType(), message.getTxid());
            return;
        }
        action.accept(run);
    }

    private void send(ChaincodeMessage message) {
        synchronized (this) {
            if (outbound == null || closed.isDone()) {
                return;
            }
            try {
                // A gRPC StreamObserver is not thread-safe: one sender at a time.
                outbound.onNext(message);
            } catch (RuntimeException e) {
                LOG.debug("cannot send {} to {}: {}", message.getType(), endpoint.address(), e.toString());
            }
        }
    }

    private void ended(Throwable cause) {
        if (!closed.complete(cause)) {
            return;
        }
        String reason = cause instanceof ChaincodeUnavailableException ? cause.getMessage()
                : "stream to chaincode server " + endpoint.address() + " broke: " + Status.fromThrowable(cause);
        registered.completeExceptionally(new ChaincodeUnavailableException(reason, cause));
        for (TransactionRun run : List.copyOf(runs.values())) {
            run.fail(new ChaincodeUnavailableException(reason, cause));
        }
        LOG.warn("chaincode stream to {} ended: {}", endpoint.address(), reason);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
