package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.TestDatabase;
import org.pramaan.network.DevNetwork;

/**
 * FabricLedger against the development peer where Fabric's client has to work for its living:
 * refusals, lost read races, lost commit statuses, event streams across restarts and failures.
 * One network for the class; certificate ids are fresh in every test.
 */
class FabricLedgerScenarioTest {

    private static DevNetwork network;
    private final DataSource checkpoints = TestDatabase.fresh();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<FabricLedger> opened = new ArrayList<>();

    @BeforeAll
    static void startNetwork() {
        network = DevNetworks.fresh();
        try (FabricLedger fabric = FabricLedger.connect(network.connectionFile(), TestDatabase.fresh(),
                DevNetworks.TEST_SETTINGS)) {
            Ledger admin = fabric.ledger("admin");
            admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
            admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
        }
    }

    @AfterAll
    static void stopNetwork() {
        network.close();
    }

    @BeforeEach
    void peerUp() {
        network.startPeer();
    }

    @AfterEach
    void closeLedgers() {
        opened.forEach(FabricLedger::close);
    }

    @Test
    void aContractRefusalCarriesTheContractsCodeAndTheTransaction() {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        Ledger revenue = connect(DevNetworks.TEST_SETTINGS).ledger("REV");
        revenue.issue(List.of(request));
        CertificateRequest forged = new CertificateRequest(request.id(), request.department(), request.type(),
                LedgerFixtures.hash("forged"), request.kid(), request.validUntil());

        assertThatThrownBy(() -> revenue.issue(List.of(forged))).isInstanceOfSatisfying(LedgerException.class, e -> {
            assertThat(e.code()).isEqualTo(LedgerErrorCode.CONFLICT);
            assertThat(e.contractCode()).hasValue("CONFLICT");
            assertThat(e.transactionId()).hasValueSatisfying(tx -> assertThat(tx).matches("[0-9a-f]{64}"));
            assertThat(e.getMessage()).contains("IssueCertificates refused by the contract: CONFLICT: ")
                    .contains(request.id().toString());
        });
        assertThat(meters.get(FabricTransactor.TIMER).tags("function", "IssueCertificates", "outcome", "CONFLICT")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void transactionsThatLoseAReadRaceAreRunAgainAndAnchorOnce() throws Exception {
        int racers = 4;
        CountDownLatch allEndorsed = new CountDownLatch(racers);
        FabricLedger fabric = connect(DevNetworks.TEST_SETTINGS, channel -> ClientInterceptors.intercept(channel,
                beforeFirst(racers, "gateway.Gateway/Submit", () -> {
                    // Every racer has endorsed against the same state before any submits.
                    allEndorsed.countDown();
                    await(allEndorsed);
                    return null;
                })));
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Committed<IssueOutcome>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                Ledger revenue = fabric.ledger("REV");
                results.add(pool.submit(() -> revenue.issue(List.of(request))));
            }
            List<IssueOutcome> outcomes = new ArrayList<>();
            for (Future<Committed<IssueOutcome>> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS).value());
            }
            assertThat(outcomes).filteredOn(o -> !o.issued().isEmpty()).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.unchanged().isEmpty()).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(meters.get(FabricTransactor.TIMER).tags("function", "IssueCertificates", "outcome", "MVCC_READ_CONFLICT")
                .timer().count()).isGreaterThanOrEqualTo(1);
        assertThat(fabric.ledger("verifier").history(request.id().toString()).history()).hasSize(1);
    }

    @Test
    void aLostCommitStatusIsSubmittedAgainAndTheCertificateIsAnchoredOnce() {
        AtomicInteger lost = new AtomicInteger();
        FabricLedger fabric = connect(DevNetworks.TEST_SETTINGS, channel -> ClientInterceptors.intercept(channel,
                failFirst(1, "gateway.Gateway/CommitStatus", Status.DEADLINE_EXCEEDED, lost)));
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);

        Committed<IssueOutcome> committed = fabric.ledger("REV").issue(List.of(request));

        assertThat(lost).hasValue(1);
        assertThat(committed.value().unchanged()).as("the retry found the first submission anchored")
                .containsExactly(request.id());
        Ledger verifier = fabric.ledger("verifier");
        assertThat(verifier.read(request.id().toString())).isPresent();
        assertThat(verifier.history(request.id().toString()).history()).hasSize(1);
    }

    @Test
    void aCommitStatusDeadlineTooShortLeavesTheOutcomeUnknownButNeverTwice() {
        FabricLedger impatient = connect(DevNetworks.TEST_SETTINGS.withCommitStatusTimeout(Duration.ofMillis(1))
                .withUnknownOutcomeRetries(2));
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);

        assertThatThrownBy(() -> impatient.ledger("REV").issue(List.of(request)))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("commit status of IssueCertificates failed: DEADLINE_EXCEEDED");
                    assertThat(e.transactionId()).isPresent();
                });
        assertThat(meters.get(FabricTransactor.TIMER).tags("function", "IssueCertificates", "outcome", "UNAVAILABLE")
                .timer().count()).isEqualTo(1);

        Ledger verifier = connect(DevNetworks.TEST_SETTINGS).ledger("verifier");
        DevNetworks.await(Duration.ofSeconds(10), () -> verifier.read(request.id().toString()).isPresent(),
                "the certificate is anchored by one of the attempts");
        assertThat(connect(DevNetworks.TEST_SETTINGS).ledger("REV").issue(List.of(request)).value().unchanged())
                .containsExactly(request.id());
        assertThat(verifier.history(request.id().toString()).history()).hasSize(1);
    }

    @Test
    void aStoppedPeerIsUnavailableWithinTheDeadlineAndTheLedgerRecoversWithIt() {
        Ledger verifier = connect(DevNetworks.TEST_SETTINGS).ledger("verifier");
        String id = LedgerFixtures.revenueCertificate(1).id().toString();
        assertThat(verifier.read(id)).isEmpty();

        network.stopPeer();
        long started = System.nanoTime();
        assertThatThrownBy(() -> verifier.read(id)).isInstanceOfSatisfying(LedgerException.class,
                e -> assertThat(e.code()).isEqualTo(LedgerErrorCode.UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DevNetworks.TEST_SETTINGS.evaluateTimeout());

        network.startPeer();
        DevNetworks.await(Duration.ofSeconds(15), () -> readsOrUnavailable(verifier, id), "the peer answers again");
    }

    @Test
    void aKilledChaincodeIsUnavailableUntilItIsBack() {
        Ledger revenue = connect(DevNetworks.TEST_SETTINGS).ledger("REV");
        network.killChaincode();
        try {
            assertThatThrownBy(() -> revenue.issue(List.of(LedgerFixtures.revenueCertificate(1))))
                    .isInstanceOfSatisfying(LedgerException.class, e -> {
                        assertThat(e.code()).as(e.getMessage()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("endorse of IssueCertificates failed");
                    });
        } finally {
            network.startChaincode();
        }
        assertThat(revenue.issue(List.of(LedgerFixtures.revenueCertificate(2))).value().issued()).hasSize(1);
    }

    @Test
    void eventsResumeFromTheirCheckpointAcrossARestartWithNoGapAndNoRepeat() {
        String subscriber = "counter-" + UUID.randomUUID();
        List<LedgerEvent> seen = new CopyOnWriteArrayList<>();
        List<String> issuedTx = new ArrayList<>();

        FabricLedger first = connect(DevNetworks.TEST_SETTINGS);
        long checkpoint;
        try (EventSubscription subscription = first.ledger("verifier").subscribe(subscriber, seen::add)) {
            for (int i = 0; i < 3; i++) {
                issuedTx.add(first.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(i))).transactionId());
            }
            DevNetworks.await(Duration.ofSeconds(10), () -> txIds(seen).containsAll(issuedTx), "the first three events");
            // The checkpoint is saved after the listener returns: wait for it, not only for the event.
            long lastSeen = seen.get(seen.size() - 1).blockNumber();
            DevNetworks.await(Duration.ofSeconds(10), () -> subscription.checkpoint() == lastSeen,
                    "the checkpoint of the last event handled");
            checkpoint = subscription.checkpoint();
            assertThat(checkpoint).isEqualTo(lastSeen);
        }
        first.close();
        int beforeRestart = seen.size();

        FabricLedger meanwhile = connect(DevNetworks.TEST_SETTINGS);
        for (int i = 3; i < 5; i++) {
            issuedTx.add(meanwhile.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(i))).transactionId());
        }
        FabricLedger restarted = connect(DevNetworks.TEST_SETTINGS);
        try (EventSubscription again = restarted.ledger("verifier").subscribe(subscriber, seen::add)) {
            issuedTx.add(restarted.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(5))).transactionId());
            DevNetworks.await(Duration.ofSeconds(10), () -> txIds(seen).containsAll(issuedTx), "all six events");
            assertThat(again.checkpoint()).isGreaterThan(checkpoint);
        }

        Map<String, Long> deliveries = seen.stream().collect(Collectors.groupingBy(LedgerEvent::transactionId,
                Collectors.counting()));
        assertThat(deliveries).as("no event delivered twice").allSatisfy((tx, count) -> assertThat(count).isEqualTo(1));
        assertThat(seen.subList(beforeRestart, seen.size())).extracting(LedgerEvent::blockNumber)
                .allSatisfy(block -> assertThat(block).isGreaterThan(checkpoint));
        assertThat(seen).extracting(LedgerEvent::blockNumber).isSorted();
        assertThat(seen).filteredOn(e -> issuedTx.contains(e.transactionId())).hasSize(6)
                .allSatisfy(e -> assertThat(e).isInstanceOf(LedgerEvent.CertificateIssued.class));
    }

    @Test
    void aListenerThatThrowsGetsTheSameEventAgainAndThenTheRest() {
        Ledger revenue = connect(DevNetworks.TEST_SETTINGS).ledger("REV");
        String failing = revenue.issue(List.of(LedgerFixtures.revenueCertificate(1))).transactionId();
        String next = revenue.issue(List.of(LedgerFixtures.revenueCertificate(2))).transactionId();
        List<String> deliveries = new CopyOnWriteArrayList<>();
        AtomicBoolean thrown = new AtomicBoolean();

        try (EventSubscription subscription = connect(DevNetworks.TEST_SETTINGS).ledger("verifier")
                .subscribe("flaky-" + UUID.randomUUID(), event -> {
                    deliveries.add(event.transactionId());
                    if (event.transactionId().equals(failing) && thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("the cache is briefly unavailable");
                    }
                })) {
            DevNetworks.await(Duration.ofSeconds(10), () -> deliveries.contains(next), "the event after the failed one");
        }

        assertThat(deliveries).filteredOn(failing::equals).hasSize(2);
        assertThat(deliveries).filteredOn(next::equals).hasSize(1);
        assertThat(deliveries.lastIndexOf(failing)).isLessThan(deliveries.indexOf(next));
    }

    @Test
    void anEventStreamReconnectsByItselfWhenThePeerRestarts() {
        FabricLedger fabric = connect(DevNetworks.TEST_SETTINGS);
        List<LedgerEvent> seen = new CopyOnWriteArrayList<>();
        try (EventSubscription subscription = fabric.ledger("verifier").subscribe("restart-" + UUID.randomUUID(), seen::add)) {
            String before = fabric.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(1))).transactionId();
            DevNetworks.await(Duration.ofSeconds(10), () -> txIds(seen).contains(before), "the event before the restart");

            network.stopPeer();
            network.startPeer();
            Ledger verifier = fabric.ledger("verifier");
            String unknown = LedgerFixtures.revenueCertificate(9).id().toString();
            DevNetworks.await(Duration.ofSeconds(15), () -> readsOrUnavailable(verifier, unknown), "the peer answers again");
            String after = fabric.ledger("REV").issue(List.of(LedgerFixtures.revenueCertificate(2))).transactionId();

            DevNetworks.await(Duration.ofSeconds(15), () -> txIds(seen).contains(after), "the event after the restart");
        }
        assertThat(txIds(seen)).hasSameSizeAs(seen);
    }

    private FabricLedger connect(FabricLedger.Settings settings) {
        return connect(settings, UnaryOperator.identity());
    }

    private FabricLedger connect(FabricLedger.Settings settings, UnaryOperator<Channel> wrap) {
        FabricLedger fabric = FabricLedger.connect(network.connectionFile(), checkpoints, settings, meters,
                Clock.systemUTC(), wrap);
        opened.add(fabric);
        return fabric;
    }

    private static Set<String> txIds(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::transactionId).collect(Collectors.toSet());
    }

    private static boolean readsOrUnavailable(Ledger ledger, String id) {
        try {
            ledger.read(id);
            return true;
        } catch (LedgerException e) {
            if (e.code() != LedgerErrorCode.UNAVAILABLE) {
                throw e;
            }
            return false;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the racers did not all endorse within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code before} on the calling thread ahead of the first {@code times} calls of {@code method}. */
    private static ClientInterceptor beforeFirst(int times, String method, java.util.concurrent.Callable<Void> before) {
        AtomicInteger remaining = new AtomicInteger(times);
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> descriptor, CallOptions options, Channel next) {
                if (descriptor.getFullMethodName().equals(method) && remaining.getAndDecrement() > 0) {
                    try {
                        before.call();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return next.newCall(descriptor, options);
            }
        };
    }

    /** Fails the first {@code times} calls of {@code method} with {@code status}, as if the answer was lost. */
    private static ClientInterceptor failFirst(int times, String method, Status status, AtomicInteger failed) {
        AtomicInteger remaining = new AtomicInteger(times);
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> descriptor, CallOptions options, Channel next) {
                if (!descriptor.getFullMethodName().equals(method) || remaining.getAndDecrement() <= 0) {
                    return next.newCall(descriptor, options);
                }
                failed.incrementAndGet();
                return new ClientCall<>() {
                    private Listener<R> listener;

                    @Override
                    public void start(Listener<R> responseListener, Metadata headers) {
                        listener = responseListener;
                    }

                    @Override
                    public void request(int numMessages) {
                    }

                    @Override
                    public void cancel(String message, Throwable cause) {
                    }

                    @Override
                    public void halfClose() {
                        listener.onClose(status.withDescription("injected: the commit status answer was lost"), new Metadata());
                    }

                    @Override
                    public void sendMessage(Q message) {
                    }
                };
            }
        };
    }
}
