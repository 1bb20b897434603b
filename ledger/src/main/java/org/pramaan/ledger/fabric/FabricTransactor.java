package org.pramaan.ledger.fabric;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.grpc.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.contract.Transactor;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Contract calls through a Fabric Gateway as one identity: endorse, submit and wait for the commit
 * status, each under its own deadline. A submit whose outcome is unknown (the transaction left for
 * the orderer but its commit status did not come back) is submitted again as a new transaction, a
 * bounded number of times: the contract's writes are idempotent, so the retry either does the work
 * or finds it done. Each call is timed per function and outcome ({@code pramaan.ledger.calls}).
 */
final class FabricTransactor implements Transactor {

    private static final Logger LOG = LoggerFactory.getLogger(FabricTransactor.class);
    static final String TIMER = "pramaan.ledger.calls";

    private final String identityName;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;
    private final String chaincode;
    private final FabricLedger.Settings settings;
    private final DataSource checkpoints;
    private final MeterRegistry meters;
    private final Clock clock;
    private final FailsafeExecutor<Committed<byte[]>> unknownOutcomeRetries;
    private final Consumer<FabricTransactor> onClose;
    private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    FabricTransactor(String identityName, LedgerIdentity identity, Channel channel, String channelName, String chaincode,
                     FabricLedger.Settings settings, DataSource checkpoints, MeterRegistry meters, Clock clock,
                     Consumer<FabricTransactor> onClose) {
        this.onClose = onClose;
        this.identityName = identityName;
        this.chaincode = chaincode;
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.meters = meters;
        this.clock = clock;
        this.gateway = Gateway.newInstance()
                .connection(channel)
                .identity(new X509Identity(identity.mspId(), identity.certificate()))
                .signer(Signers.newPrivateKeySigner(identity.privateKey()))
                .evaluateOptions(deadline(settings.evaluateTimeout()))
                .endorseOptions(deadline(settings.endorseTimeout()))
                .submitOptions(deadline(settings.submitTimeout()))
                .commitStatusOptions(deadline(settings.commitStatusTimeout()))
                .connect();
        this.network = gateway.getNetwork(channelName);
        this.contract = network.getContract(chaincode);
        this.unknownOutcomeRetries = Failsafe.with(RetryPolicy.<Committed<byte[]>>builder()
                .handle(OutcomeUnknown.class)
                .withBackoff(settings.retryBackoff(), settings.retryBackoff().multipliedBy(8))
                .withJitter(0.25)
                .withMaxRetries(settings.unknownOutcomeRetries())
                .onRetry(e -> LOG.warn("Ledger {}: outcome of {} unknown, submitting it again (attempt {}): {}",
                        identityName, ((OutcomeUnknown) e.getLastException()).function, e.getAttemptCount() + 1,
                        e.getLastException().getMessage()))
                .build());
    }

    @Override
    public Committed<byte[]> submit(String function, String... arguments) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        try {
            return unknownOutcomeRetries.get(() -> submitOnce(function, arguments));
        } catch (OutcomeUnknown e) {
            outcome = e.failure.code().name();
            throw e.failure;
        } catch (LedgerException e) {
            outcome = e.code().name();
            throw e;
        } finally {
            sample.stop(timer(function, "submit", outcome));
        }
    }

    @Override
    public byte[] evaluate(String function, String... arguments) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        Proposal proposal = contract.newProposal(function).addArguments(arguments).build();
        try {
            return proposal.evaluate();
        } catch (GatewayException e) {
            LedgerException failure = FabricErrors.of(FabricErrors.Stage.EVALUATE, function, proposal.getTransactionId(), e);
            outcome = failure.code().name();
            throw failure;
        } finally {
            sample.stop(timer(function, "evaluate", outcome));
        }
    }

    @Override
    public EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener) {
        Objects.requireNonNull(subscriber, "subscriber");
        if (subscriber.isBlank() || subscriber.length() > 200) {
            throw new IllegalArgumentException("subscriber must be 1 to 200 characters: '" + subscriber + "'");
        }
        PostgresCheckpointer checkpointer = new PostgresCheckpointer(checkpoints, subscriber, clock);
        ChaincodeEventStream stream = new ChaincodeEventStream(network, chaincode, subscriber, listener, checkpointer,
                settings.reconnectBackoff(), settings.reconnectBackoffMax(), subscriptions::remove);
        subscriptions.add(stream);
        return stream;
    }

    /** Stops this identity's event subscriptions and its gateway; the shared peer channels stay open. */
    @Override
    public void close() {
        List.copyOf(subscriptions).forEach(EventSubscription::close);
        gateway.close();
        onClose.accept(this);
    }

    private Committed<byte[]> submitOnce(String function, String... arguments) {
        Proposal proposal = contract.newProposal(function).addArguments(arguments).build();
        String txId = proposal.getTransactionId();
        Transaction transaction;
        try {
            transaction = proposal.endorse();
        } catch (EndorseException e) {
            throw FabricErrors.of(FabricErrors.Stage.ENDORSE, function, txId, e);
        }
        SubmittedTransaction submitted;
        Status status;
        try {
            submitted = transaction.submitAsync();
        } catch (SubmitException e) {
            throw unknownIfUnavailable(function, FabricErrors.of(FabricErrors.Stage.SUBMIT, function, txId, e));
        }
        try {
            status = submitted.getStatus();
        } catch (CommitStatusException e) {
            throw unknownIfUnavailable(function, FabricErrors.of(FabricErrors.Stage.COMMIT_STATUS, function, txId, e));
        }
        if (!status.isSuccessful()) {
            throw FabricErrors.commitFailed(function, txId, status.getCode());
        }
        return new Committed<>(submitted.getResult(), txId, status.getBlockNumber());
    }

    /** After endorsement, an unreachable or silent peer leaves the transaction's fate unknown. */
    private static RuntimeException unknownIfUnavailable(String function, LedgerException failure) {
        return failure.code() == LedgerErrorCode.UNAVAILABLE ? new OutcomeUnknown(function, failure) : failure;
    }

    private Timer timer(String function, String kind, String outcome) {
        return Timer.builder(TIMER)
                .description("Ledger calls through the Fabric Gateway, by contract function and outcome")
                .tag("identity", identityName)
                .tag("function", function)
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(meters);
    }

    private static CallOption deadline(Duration timeout) {
        return CallOption.deadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A submit that may or may not have been committed; carries the failure to report if retries run out. */
    static final class OutcomeUnknown extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient String function;
        private final LedgerException failure;

        OutcomeUnknown(String function, LedgerException failure) {
            super(failure.getMessage(), failure, false, false);
            this.function = function;
            this.failure = failure;
        }
    }
}
