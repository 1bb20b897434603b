package org.pramaan.network.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.ChaincodeEventsResponse;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.EndorseRequest;
import org.hyperledger.fabric.protos.gateway.EndorseResponse;
import org.hyperledger.fabric.protos.gateway.EvaluateRequest;
import org.hyperledger.fabric.protos.gateway.EvaluateResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.SignedChaincodeEventsRequest;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.gateway.SubmitResponse;
import java.util.concurrent.Executors;
import org.pramaan.network.chaincode.ChaincodeExecutor;
import org.pramaan.network.identity.Member;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.ledger.CommittedState;
import org.pramaan.network.ledger.StateKeyFilter;
import org.pramaan.network.ledger.EventLog;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.operations.PeerMetrics;
import org.pramaan.network.ordering.BlockCommitter;
import org.pramaan.network.ordering.Orderer;
import org.pramaan.network.ledger.BlockStore.TxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fabric's Gateway service (gateway/gateway.proto) over the development peer, with the status
 * codes, messages and error details of internal/pkg/gateway (evaluate.go, endorse.go, submit.go,
 * commitstatus.go, chaincodeevents.go), so that unmodified fabric-gateway clients work.
 */
public final class GatewayService extends GatewayGrpc.GatewayImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayService.class);

    private final GatewaySettings settings;
    private final ProposalRunner proposals;
    private final Submissions submissions;
    private final SignedRequests readers;
    private final CommitWaiters commits;
    private final EventStreams events;
    private final BlockStore ledger;
    private final ChainHeight height;

    GatewayService(GatewaySettings settings, ProposalRunner proposals, Submissions submissions, SignedRequests readers,
                   CommitWaiters commits, EventStreams events, BlockStore ledger, ChainHeight height) {
        this.settings = settings;
        this.proposals = proposals;
        this.submissions = submissions;
        this.readers = readers;
        this.commits = commits;
        this.events = events;
        this.ledger = ledger;
        this.height = height;
    }

    /**
     * The gateway over {@code ledger} with its endorsers, orderer and committer; registers what
     * must follow new blocks (commit waiters, event streams) with {@code committer}.
     */
    public static GatewayService assemble(GatewaySettings settings, ChannelMsps msps, BlockStore ledger,
                                          ChaincodeExecutor chaincode, List<Member> endorsingPeers, Orderer orderer,
                                          BlockCommitter committer, PeerMetrics metrics) {
        return assemble(settings, msps, ledger, chaincode, endorsingPeers, orderer, committer, metrics, null);
    }

    /** As above; simulations read through {@code keyFilter} (may be null), so new keys cost no query. */
    public static GatewayService assemble(GatewaySettings settings, ChannelMsps msps, BlockStore ledger,
                                          ChaincodeExecutor chaincode, List<Member> endorsingPeers, Orderer orderer,
                                          BlockCommitter committer, PeerMetrics metrics, StateKeyFilter keyFilter) {
        ChainHeight height = new ChainHeight(ledger.head().map(BlockStore.Head::number).orElse(0L));
        CommitWaiters commits = new CommitWaiters(ledger);
        committer.addListener(height);
        committer.addListener(commits);
        Endorsers endorsers = new Endorsers(chaincode, CommittedState.of(ledger.dataSource(), keyFilter), endorsingPeers);
        ProposalRunner proposals = new ProposalRunner(settings, new ProposalCheck(msps, ledger), endorsers, metrics);
        EventStreams events = new EventStreams(new EventLog(ledger.dataSource()), height,
                Executors.newCachedThreadPool(daemon("chaincode-events")), settings.maxEventStreams());
        return new GatewayService(settings, proposals, new Submissions(settings, msps, orderer, metrics),
                new SignedRequests(settings.channelId(), msps), commits, events, ledger, height);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Ends the event streams. */
    public void close() {
        events.close();
    }

    @Override
    public void evaluate(EvaluateRequest request, StreamObserver<EvaluateResponse> client) {
        answer(client, () -> EvaluateResponse.newBuilder()
                .setResult(proposals.evaluate(request.getProposedTransaction(), timeout())).build());
    }

    @Override
    public void endorse(EndorseRequest request, StreamObserver<EndorseResponse> client) {
        answer(client, () -> EndorseResponse.newBuilder()
                .setPreparedTransaction(proposals.endorse(request.getProposedTransaction(), timeout())).build());
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<SubmitResponse> client) {
        answer(client, () -> {
            submissions.submit(request);
            return SubmitResponse.getDefaultInstance();
        });
    }

    @Override
    public void commitStatus(SignedCommitStatusRequest signed, StreamObserver<CommitStatusResponse> client) {
        CommitStatusRequest request;
        try {
            if (signed.getRequest().isEmpty()) {
                throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "a commit status request is required");
            }
            request = parse(() -> CommitStatusRequest.parseFrom(signed.getRequest()), "invalid status request: ");
            if (request.getTransactionId().isEmpty()) {
                throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "transaction ID should not be empty");
            }
            readers.reader(request.getChannelId(), request.getIdentity(), signed.getRequest(), signed.getSignature());
        } catch (StatusRuntimeException e) {
            client.onError(e);
            return;
        }
        CompletableFuture<TxStatus> status = commits.await(request.getTransactionId());
        Context.current().addListener(context -> status.cancel(false), Runnable::run);
        status.orTimeout(settings.maxCommitWait().toMillis(), TimeUnit.MILLISECONDS).whenComplete((s, failure) -> {
            if (failure != null) {
                if (!Context.current().isCancelled()) {
                    client.onError(GatewayErrors.error(Status.Code.DEADLINE_EXCEEDED,
                            "transaction " + request.getTransactionId() + " was not committed in time"));
                }
                return;
            }
            client.onNext(CommitStatusResponse.newBuilder().setResult(s.code()).setBlockNumber(s.blockNumber()).build());
            client.onCompleted();
        });
    }

    @Override
    public void chaincodeEvents(SignedChaincodeEventsRequest signed, StreamObserver<ChaincodeEventsResponse> client) {
        try {
            if (signed.getRequest().isEmpty()) {
                throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "a chaincode events request is required");
            }
            ChaincodeEventsRequest request = parse(() -> ChaincodeEventsRequest.parseFrom(signed.getRequest()),
                    "invalid chaincode events request: ");
            readers.reader(request.getChannelId(), request.getIdentity(), signed.getRequest(), signed.getSignature());
            long start = startBlock(request);
            int skip = -1;
            if (!request.getAfterTransactionId().isEmpty()) {
                var after = ledger.status(request.getAfterTransactionId());
                if (after.isPresent()) {
                    start = after.get().blockNumber();
                    skip = after.get().txNumber();
                }
            }
            events.open(request.getChaincodeId(), start, skip, (ServerCallStreamObserver<ChaincodeEventsResponse>) client);
        } catch (StatusRuntimeException e) {
            client.onError(e);
        }
    }

    private long startBlock(ChaincodeEventsRequest request) {
        var position = request.getStartPosition();
        return switch (position.getTypeCase()) {
            case SPECIFIED -> position.getSpecified().getNumber();
            case NEXT_COMMIT, TYPE_NOT_SET -> height.last() + 1;
            default -> throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT,
                    "invalid start position type: " + position.getTypeCase());
        };
    }

    /** The client's deadline, or the endorsement timeout when it set none or a later one. */
    private Duration timeout() {
        Deadline deadline = Context.current().getDeadline();
        Duration fallback = settings.endorsementTimeout();
        if (deadline == null) {
            return fallback;
        }
        Duration left = Duration.ofMillis(Math.max(1, deadline.timeRemaining(TimeUnit.MILLISECONDS)));
        return left.compareTo(fallback) < 0 ? left : fallback;
    }

    private interface Call<T> {
        T run();
    }

    private interface Parse<T> {
        T run() throws InvalidProtocolBufferException;
    }

    private static <T> T parse(Parse<T> parse, String prefix) {
        try {
            return parse.run();
        } catch (InvalidProtocolBufferException e) {
            throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, prefix + e.getMessage());
        }
    }

    private static <T> void answer(StreamObserver<T> client, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (StatusRuntimeException e) {
            client.onError(e);
            return;
        } catch (RuntimeException e) {
            LOG.error("The gateway failed unexpectedly: {}", e.getMessage(), e);
            client.onError(GatewayErrors.error(Status.Code.INTERNAL, "the development peer failed: " + e.getMessage(),
                    List.of()));
            return;
        }
        client.onNext(response);
        client.onCompleted();
    }
}
