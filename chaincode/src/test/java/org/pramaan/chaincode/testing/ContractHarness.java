package org.pramaan.chaincode.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.pramaan.chaincode.CertificateContract;
import org.pramaan.chaincode.ContractSettings;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.contract.core.ErrorCode;

/**
 * Runs the contract's transactions as a peer would: each call gets a fresh transaction id, the
 * harness clock as its timestamp, the caller's serialized identity, and a real
 * {@link Context} over an {@link InMemoryStub}. Submitted transactions commit when the method
 * returns and are discarded when it throws; evaluated ones are always discarded and must not
 * write or emit. Time moves only when a test moves it.
 */
public final class ContractHarness {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final CertificateContract contract;
    private Instant now = START;
    private long transactions;
    private String lastTxId;

    public ContractHarness() {
        this(ContractSettings.defaults());
    }

    public ContractHarness(ContractSettings settings) {
        this.contract = new CertificateContract(settings);
    }

    public Session as(TestIdentity identity) {
        return new Session(this, Objects.requireNonNull(identity, "identity"));
    }

    CertificateContract contract() {
        return contract;
    }

    public Instant now() {
        return now;
    }

    public void setTime(Instant time) {
        now = Objects.requireNonNull(time, "time");
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public InMemoryLedger ledger() {
        return ledger;
    }

    /** The id of the last transaction run, committed or not. */
    public String lastTxId() {
        return lastTxId;
    }

    /** The event of the last committed transaction, if it emitted one. */
    public Optional<InMemoryLedger.Event> lastEvent() {
        List<String> committed = ledger.committedTransactions();
        if (committed.isEmpty()) {
            return Optional.empty();
        }
        String last = committed.get(committed.size() - 1);
        return ledger.events().stream().filter(e -> e.txId().equals(last)).findFirst();
    }

    /**
     * Runs {@code call}, which must be refused with {@code code} (payload included), and checks
     * that the refusal changed nothing: same world state, no new event, no new transaction.
     */
    public ContractException refused(ErrorCode code, Runnable call) {
        Map<String, String> before = stateAsText();
        int events = ledger.events().size();
        int committed = ledger.committedTransactions().size();
        ContractException refusal;
        try {
            call.run();
            throw new AssertionError("expected a " + code + " refusal, but the transaction succeeded");
        } catch (ContractException e) {
            refusal = e;
        }
        if (refusal.code() != code) {
            throw new AssertionError("expected " + code + " but got " + refusal.getMessage(), refusal);
        }
        if (!java.util.Arrays.equals(refusal.getPayload(), code.name().getBytes(StandardCharsets.UTF_8))) {
            throw new AssertionError("payload is not the code name: " + refusal.getMessage());
        }
        if (!stateAsText().equals(before) || ledger.events().size() != events
                || ledger.committedTransactions().size() != committed) {
            throw new AssertionError("a refused transaction changed the ledger: " + refusal.getMessage());
        }
        return refusal;
    }

    /** The world state as text, keys with '~' for the composite-key separator; for comparisons. */
    public Map<String, String> stateAsText() {
        Map<String, String> text = new LinkedHashMap<>();
        ledger.snapshot().forEach((k, v) -> text.put(k.replace('\u0000', '~'), new String(v, StandardCharsets.UTF_8)));
        return text;
    }

    <T> T submit(TestIdentity caller, String function, Function<Context, T> body) {
        InMemoryStub stub = begin(caller, function);
        T result;
        try {
            result = body.apply(contract.createContext(stub));
        } catch (RuntimeException e) {
            stub.discard();
            throw e;
        }
        stub.commit();
        return result;
    }

    <T> T evaluate(TestIdentity caller, String function, Function<Context, T> body) {
        InMemoryStub stub = begin(caller, function);
        try {
            T result = body.apply(contract.createContext(stub));
            if (!stub.pendingWrites().isEmpty() || stub.getEvent() != null) {
                throw new AssertionError(function + " is an EVALUATE transaction but wrote state or set an event");
            }
            return result;
        } finally {
            stub.discard();
        }
    }

    private InMemoryStub begin(TestIdentity caller, String function) {
        transactions++;
        lastTxId = String.format("tx%04d", transactions);
        return ledger.begin(lastTxId, now, caller.creator(), List.of(function));
    }
}
