package org.pramaan.ledger.fabric;

import io.grpc.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.contract.ContractLedger;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate ledger on Hyperledger Fabric, reached through the Fabric Gateway of the peers
 * named in a connection file. One TLS connection per peer is shared by every {@link Ledger} opened
 * here; each ledger speaks as one identity of the file ({@code admin}, a department code such as
 * {@code REV}, {@code verifier}, {@code auditor}). Event subscriptions keep their checkpoints in the
 * given PostgreSQL database (schema {@code ledger_client}, migrated on connect), so a restarted
 * service resumes after the last event it handled.
 *
 * <p>Open it once per process and close it on shutdown; closing it closes every ledger opened from it.
 *
 * <pre>{@code
 * try (FabricLedger fabric = FabricLedger.connect(Path.of("/etc/pramaan/connection.json"), dataSource,
 *         FabricLedger.Settings.defaults())) {
 *     Ledger revenue = fabric.ledger("REV");
 *     Committed<IssueOutcome> anchored = revenue.issue(List.of(request));
 *     EventSubscription revocations = fabric.ledger("verifier").subscribe("verifier-cache", cache::apply);
 * }
 * }</pre>
 */
public final class FabricLedger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FabricLedger.class);

    /**
     * How the ledger client waits and retries. A null field takes its default, so a service can bind
     * only what it changes (e.g. with {@code @ConfigurationProperties("pramaan.ledger.fabric")}).
     *
     * @param evaluateTimeout       deadline of a query (evaluate); default 5 s
     * @param endorseTimeout        deadline of endorsing a transaction, which runs the contract; default 15 s
     * @param submitTimeout         deadline of handing an endorsed transaction to the orderer; default 5 s
     * @param commitStatusTimeout   how long to wait for a submitted transaction's commit; default 60 s
     * @param conflictRetries       how often a transaction that lost a read conflict is run again; default 5
     * @param unknownOutcomeRetries how often a submit whose outcome is unknown is submitted again; default 2
     * @param retryBackoff          first wait before such a resubmission (doubling, at most 8 times); default 200 ms
     * @param reconnectBackoff      first wait before an event stream reconnects (doubling); default 250 ms
     * @param reconnectBackoffMax   longest wait between event stream reconnects; default 10 s
     */
    public record Settings(Duration evaluateTimeout, Duration endorseTimeout, Duration submitTimeout,
                           Duration commitStatusTimeout, Integer conflictRetries, Integer unknownOutcomeRetries,
                           Duration retryBackoff, Duration reconnectBackoff, Duration reconnectBackoffMax) {

        public Settings {
            evaluateTimeout = positive(evaluateTimeout, Duration.ofSeconds(5), "evaluateTimeout");
            endorseTimeout = positive(endorseTimeout, Duration.ofSeconds(15), "endorseTimeout");
            submitTimeout = positive(submitTimeout, Duration.ofSeconds(5), "submitTimeout");
            commitStatusTimeout = positive(commitStatusTimeout, Duration.ofSeconds(60), "commitStatusTimeout");
            conflictRetries = count(conflictRetries, 5, "conflictRetries");
            unknownOutcomeRetries = count(unknownOutcomeRetries, 2, "unknownOutcomeRetries");
            retryBackoff = positive(retryBackoff, Duration.ofMillis(200), "retryBackoff");
            reconnectBackoff = positive(reconnectBackoff, Duration.ofMillis(250), "reconnectBackoff");
            reconnectBackoffMax = positive(reconnectBackoffMax, Duration.ofSeconds(10), "reconnectBackoffMax");
            if (reconnectBackoffMax.compareTo(reconnectBackoff) < 0) {
                throw new IllegalArgumentException("reconnectBackoffMax " + reconnectBackoffMax
                        + " is shorter than reconnectBackoff " + reconnectBackoff);
            }
        }

        public static Settings defaults() {
            return new Settings(null, null, null, null, null, null, null, null, null);
        }

        public Settings withCommitStatusTimeout(Duration timeout) {
            return new Settings(evaluateTimeout, endorseTimeout, submitTimeout, timeout, conflictRetries,
                    unknownOutcomeRetries, retryBackoff, reconnectBackoff, reconnectBackoffMax);
        }

        public Settings withUnknownOutcomeRetries(int retries) {
            return new Settings(evaluateTimeout, endorseTimeout, submitTimeout, commitStatusTimeout, conflictRetries,
                    retries, retryBackoff, reconnectBackoff, reconnectBackoffMax);
        }

        private static Duration positive(Duration value, Duration otherwise, String name) {
            Duration d = value == null ? otherwise : value;
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(name + " must be more than 0 and at most 1 hour, was " + d);
            }
            return d;
        }

        private static Integer count(Integer value, int otherwise, String name) {
            int n = value == null ? otherwise : value;
            if (n < 0 || n > 20) {
                throw new IllegalArgumentException(name + " must be 0 to 20, was " + n);
            }
            return n;
        }
    }

    private final ConnectionProfile profile;
    private final PeerChannels channels;
    private final DataSource checkpoints;
    private final Settings settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final UnaryOperator<Channel> interceptors;
    private final Set<FabricTransactor> open = ConcurrentHashMap.newKeySet();

    private FabricLedger(ConnectionProfile profile, PeerChannels channels, DataSource checkpoints, Settings settings,
                         MeterRegistry meters, Clock clock, UnaryOperator<Channel> interceptors) {
        this.profile = profile;
        this.channels = channels;
        this.checkpoints = checkpoints;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        this.interceptors = interceptors;
    }

    /** Connects with the connection file's peers, timing calls in a registry of its own. */
    public static FabricLedger connect(Path connectionFile, DataSource checkpointStore, Settings settings) {
        return connect(connectionFile, checkpointStore, settings, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /**
     * Reads the connection file, migrates the checkpoint schema and opens a channel to each peer.
     *
     * @param connectionFile  the connection file (see {@link ConnectionProfile} for its shape)
     * @param checkpointStore where event subscriptions keep their checkpoints
     * @param meters          where call timers ({@code pramaan.ledger.calls}) are registered
     */
    public static FabricLedger connect(Path connectionFile, DataSource checkpointStore, Settings settings,
                                       MeterRegistry meters, Clock clock) {
        return connect(connectionFile, checkpointStore, settings, meters, clock, UnaryOperator.identity());
    }

    /** As above, with every gateway's channel wrapped (tests inject faults here). */
    static FabricLedger connect(Path connectionFile, DataSource checkpointStore, Settings settings, MeterRegistry meters,
                                Clock clock, UnaryOperator<Channel> interceptors) {
        Objects.requireNonNull(checkpointStore, "checkpointStore");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(clock, "clock");
        ConnectionProfile profile = ConnectionProfile.read(connectionFile);
        PostgresCheckpointer.migrate(checkpointStore);
        FabricLedger ledger = new FabricLedger(profile, new PeerChannels(profile.peers()), checkpointStore, settings,
                meters, clock, interceptors);
        LOG.info("Ledger: Fabric channel {}, chaincode {}, {} peer(s), identities {}", profile.channel(),
                profile.chaincode(), profile.peers().size(), profile.identityNames());
        return ledger;
    }

    /**
     * A ledger speaking as the named identity of the connection file.
     *
     * @throws IllegalArgumentException when the file has no such identity (the message lists those it has),
     *                                  or its certificate or key cannot be read
     */
    public Ledger ledger(String identityName) {
        Objects.requireNonNull(identityName, "identityName");
        LedgerIdentity identity = profile.identity(identityName);
        ConnectionProfile.Peer peer = profile.peerFor(identity.mspId());
        FabricTransactor transactor = new FabricTransactor(identityName, identity,
                interceptors.apply(channels.channel(peer)), profile.channel(), profile.chaincode(), settings,
                checkpoints, meters, clock, open::remove);
        open.add(transactor);
        return new ContractLedger(transactor, settings.conflictRetries());
    }

    /** The identity names of the connection file. */
    public Set<String> identities() {
        return profile.identityNames();
    }

    @Override
    public void close() {
        List.copyOf(open).forEach(FabricTransactor::close);
        channels.close();
    }
}
