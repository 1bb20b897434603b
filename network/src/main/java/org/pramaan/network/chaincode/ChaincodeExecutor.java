package org.pramaan.network.chaincode;

/**
 * The peer's side of the chaincode protocol: runs one transaction proposal on a chaincode server
 * (chaincode as a service) against committed state and records what it read and wrote. It never
 * writes state; the committer applies a simulation's writes once its transaction is valid.
 *
 * <p>Implementations dial the chaincode server themselves, register it, and dial again after it
 * was restarted; while it cannot be reached every call throws {@link ChaincodeUnavailableException}.
 */
public interface ChaincodeExecutor extends AutoCloseable {

    /** Simulates {@code invocation} on {@code state}; a chaincode refusal is a result, not an exception. */
    Simulation execute(Invocation invocation, StateReader state);

    @Override
    void close();
}
