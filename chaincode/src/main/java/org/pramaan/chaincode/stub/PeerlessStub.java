package org.pramaan.chaincode.stub;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The base of a {@link ChaincodeStub} that runs the contract without a peer (DevLedger, the contract's tests). It
 * refuses, with a message that says so, everything the Pramaan contract never calls: private data, rich queries,
 * key-level endorsement, calls to other chaincode, the signed proposal. Should the contract start using one, the
 * refusal shows in the first test instead of a silent default. Not used on a real peer, where the shim's own stub
 * serves the contract.
 */
public abstract class PeerlessStub implements ChaincodeStub {

    private final String where;
    private final List<String> functionAndArguments;

    /**
     * @param where                what runs the contract, for the refusals' messages, e.g. "DevLedger"
     * @param functionAndArguments the proposal: the transaction's name, then its arguments
     */
    protected PeerlessStub(String where, List<String> functionAndArguments) {
        this.where = where;
        this.functionAndArguments = List.copyOf(functionAndArguments);
    }

    @Override
    public List<byte[]> getArgs() {
        return functionAndArguments.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return functionAndArguments;
    }

    @Override
    public String getFunction() {
        return functionAndArguments.isEmpty() ? null : functionAndArguments.get(0);
    }

    @Override
    public List<String> getParameters() {
        return functionAndArguments.isEmpty() ? List.of()
                : functionAndArguments.subList(1, functionAndArguments.size());
    }

    /** A state entry as range queries return it; the value is copied out so callers cannot change the state. */
    public record StateEntry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    /** One change of a key as history queries return it; a deletion has no value. */
    public record HistoryEntry(String txId, byte[] value, Instant timestamp, boolean deleted)
            implements KeyModification {
        @Override
        public String getTxId() {
            return txId;
        }

        @Override
        public byte[] getValue() {
            return value == null ? new byte[0] : value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return deleted;
        }
    }

    protected final UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(where + " does not offer " + what
                + "; the Pramaan contract does not use it");
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("chaincode-to-chaincode calls");
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("rich queries");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String query, int pageSize,
            String bookmark) {
        throw unsupported("rich queries");
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection,
            CompositeKey compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType,
            String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("private data");
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("signed proposals (no peer endorses here)");
    }
}
