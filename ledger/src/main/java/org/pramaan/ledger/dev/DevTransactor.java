package org.pramaan.ledger.dev;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hyperledger.fabric.contract.Context;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.contract.Transactor;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * Runs contract transactions in this process: simulate against committed state on one connection,
 * then validate the read set and append a block under the chain-head lock, in one database
 * transaction. Processes sharing the database see one ledger.
 */
final class DevTransactor implements Transactor {

    private static final SecureRandom NONCES = new SecureRandom();

    private final DataSource dataSource;
    private final LedgerIdentity identity;
    private final byte[] creator;
    private final ContractDispatcher contract;
    private final Clock clock;
    private final String channel;
    private final Duration eventPollInterval;

    DevTransactor(DataSource dataSource, LedgerIdentity identity, ContractDispatcher contract, Clock clock, String channel,
                  Duration eventPollInterval) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.creator = identity.serialized();
        this.contract = contract;
        this.clock = clock;
        this.channel = channel;
        this.eventPollInterval = eventPollInterval;
    }

    @Override
    public Committed<byte[]> submit(String function, String... arguments) {
        Timer.Sample sample = Timer.start();
        String outcome = "committed";
        try (Connection connection = dataSource.getConnection()) {
            return simulate(connection, function, arguments).commit();
        } catch (LedgerException e) {
            outcome = e.code().name();
            throw e;
        } catch (SQLException e) {
            outcome = "UNAVAILABLE";
            throw PostgresState.unavailable("run " + function, e);
        } finally {
            sample.stop(Metrics.timer("pramaan.ledger.submit", "ledger", "dev", "function", function, "outcome", outcome));
        }
    }

    /** Runs the contract on {@code connection} against committed state; nothing is written until commit. */
    Simulation simulate(Connection connection, String function, String... arguments) throws SQLException {
        String txId = newTxId();
        SimulationStub stub = stub(connection, txId, function, arguments);
        byte[] answer = contract.invoke(function, new Context(stub), List.of(arguments), txId);
        return new Simulation(connection, stub, function, answer);
    }

    /** A simulated transaction holding its connection: validate and append it, or drop it. */
    final class Simulation {
        private final Connection connection;
        private final SimulationStub stub;
        private final String function;
        private final byte[] answer;

        private Simulation(Connection connection, SimulationStub stub, String function, byte[] answer) {
            this.connection = connection;
            this.stub = stub;
            this.function = function;
            this.answer = answer;
        }

        Committed<byte[]> commit() throws SQLException {
            connection.setAutoCommit(false);
            try {
                long block = BlockLog.append(connection, new PendingTransaction(stub.getTxId(), stub.getTxTimestamp(),
                        identity.mspId(), function, stub.reads(), stub.writes(), stub.event()));
                connection.commit();
                return new Committed<>(answer, stub.getTxId(), block);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public byte[] evaluate(String function, String... arguments) {
        try (Connection connection = dataSource.getConnection()) {
            return simulate(connection, function, arguments).answer;
        } catch (SQLException e) {
            throw PostgresState.unavailable("evaluate " + function, e);
        }
    }

    @Override
    public EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener) {
        return new DevEventStream(dataSource, subscriber, listener, eventPollInterval);
    }

    @Override
    public void close() {
        // The data source belongs to the caller.
    }

    private SimulationStub stub(Connection connection, String txId, String function, String... arguments)
            throws SQLException {
        connection.setAutoCommit(true);
        List<String> call = new ArrayList<>(arguments.length + 1);
        call.add(function);
        call.addAll(List.of(arguments));
        // PostgreSQL keeps microseconds; the history must show the time the contract saw.
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new SimulationStub(new PostgresState(connection), channel, txId, timestamp, creator, identity.mspId(), call);
    }

    /** As Fabric makes them: SHA-256 over a fresh nonce and the creator, in hex. */
    private String newTxId() {
        byte[] nonce = new byte[24];
        NONCES.nextBytes(nonce);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce);
            digest.update(creator);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
