package org.pramaan.network.chaincode;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ChaincodeMessage;
import org.hyperledger.fabric.protos.peer.DelState;
import org.hyperledger.fabric.protos.peer.GetHistoryForKey;
import org.hyperledger.fabric.protos.peer.GetState;
import org.hyperledger.fabric.protos.peer.GetStateByRange;
import org.hyperledger.fabric.protos.peer.GetStateMetadata;
import org.hyperledger.fabric.protos.peer.PutState;
import org.hyperledger.fabric.protos.peer.QueryMetadata;
import org.hyperledger.fabric.protos.peer.QueryResponse;
import org.hyperledger.fabric.protos.peer.QueryStateClose;
import org.hyperledger.fabric.protos.peer.QueryStateNext;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.StateMetadataResult;

/**
 * One transaction on the chaincode stream: answers the shim's ledger calls against committed
 * state (no read-your-writes, F docs/source/readwrite.rst), records the read-write set, and ends
 * with the shim's COMPLETED or ERROR. Ledger calls follow F core/chaincode/handler.go; every reply
 * echoes the request's txid and channel_id, on which the shim matches (S/shim/impl/InvocationTaskManager.java).
 */
final class TransactionRun {

    private final Invocation invocation;
    private final StateReader state;
    private final String chaincodeName;
    private final ChaincodeLimits limits;
    private final ReadWriteSetRecorder recorder = new ReadWriteSetRecorder();
    private final Map<String, QueryCursor> cursors = new ConcurrentHashMap<>();
    private final CompletableFuture<Simulation> outcome = new CompletableFuture<>();
    private volatile boolean pagedQueryMade;

    TransactionRun(Invocation invocation, StateReader state, String chaincodeName, ChaincodeLimits limits) {
        this.invocation = invocation;
        this.state = state;
        this.chaincodeName = chaincodeName;
        this.limits = limits;
    }

    static String key(String channelId, String txId) {
        return channelId + '\u0000' + txId;
    }

    String key() {
        return key(invocation.channelId(), invocation.txId());
    }

    Invocation invocation() {
        return invocation;
    }

    CompletableFuture<Simulation> outcome() {
        return outcome;
    }

    /** The TRANSACTION message that starts this run (F core/chaincode/chaincode_support.go Execute). */
    ChaincodeMessage transactionMessage() {
        return ChaincodeMessage.newBuilder()
                .setType(invocation.input().getIsInit() ? ChaincodeMessage.Type.INIT : ChaincodeMessage.Type.TRANSACTION)
                .setTxid(invocation.txId())
                .setChannelId(invocation.channelId())
                .setPayload(invocation.input().toByteString())
                .setProposal(invocation.signedProposal())
                .build();
    }

    /** The reply to one ledger call: RESPONSE, or ERROR naming what went wrong. */
    ChaincodeMessage answer(ChaincodeMessage request) {
        try {
            return reply(request, ChaincodeMessage.Type.RESPONSE, handle(request));
        } catch (RefusedCall | InvalidProtocolBufferException | RuntimeException e) {
            String message = e instanceof RefusedCall ? e.getMessage()
                    : request.getType() + " failed: " + e.getMessage();
            return reply(request, ChaincodeMessage.Type.ERROR, ByteString.copyFrom(message, StandardCharsets.UTF_8));
        }
    }

    /**
     * The reply to {@code request} when it needs no waiting (a write, which only goes into the write
     * set, or a read of a key the state knows is absent), else null: the caller then runs
     * {@link #answer} off the gRPC thread. A read of an absent key records no version, as Fabric's
     * simulator does for a key missing from the state DB.
     */
    ChaincodeMessage answerAtOnce(ChaincodeMessage request) {
        switch (request.getType()) {
            case PUT_STATE, DEL_STATE -> {
                return answer(request);
            }
            case GET_STATE -> {
                GetState get;
                try {
                    get = GetState.parseFrom(request.getPayload());
                } catch (InvalidProtocolBufferException e) {
                    return answer(request);
                }
                if (!get.getCollection().isEmpty() || !state.definitelyAbsent(get.getKey())) {
                    return null;
                }
                recorder.read(get.getKey(), null);
                return reply(request, ChaincodeMessage.Type.RESPONSE, ByteString.EMPTY);
            }
            default -> {
                return null;
            }
        }
    }

    /** The shim's COMPLETED: its response, even a refusal, and the event with chaincode id and tx id set. */
    void completed(ChaincodeMessage message) {
        try {
            Response response = Response.parseFrom(message.getPayload());
            ChaincodeEvent event = null;
            if (message.hasChaincodeEvent() && !message.getChaincodeEvent().getEventName().isEmpty()) {
                // F core/chaincode/chaincode_support.go processChaincodeExecutionResult
                event = message.getChaincodeEvent().toBuilder()
                        .setChaincodeId(chaincodeName).setTxId(invocation.txId()).build();
            }
            outcome.complete(new Simulation(response, recorder.build(), event));
        } catch (InvalidProtocolBufferException e) {
            fail(new ChaincodeUnavailableException("chaincode " + chaincodeName + " sent a COMPLETED for "
                    + invocation.txId() + " that is not a Response", e));
        }
    }

    void fail(ChaincodeUnavailableException cause) {
        outcome.completeExceptionally(cause);
    }

    private ByteString handle(ChaincodeMessage request) throws InvalidProtocolBufferException, RefusedCall {
        ByteString payload = request.getPayload();
        switch (request.getType()) {
            case GET_STATE -> {
                GetState get = GetState.parseFrom(payload);
                publicOnly(get.getCollection());
                Optional<VersionedValue> value = state.get(get.getKey());
                recorder.read(get.getKey(), value.map(VersionedValue::version).orElse(null));
                return value.map(v -> ByteString.copyFrom(v.value())).orElse(ByteString.EMPTY);
            }
            case PUT_STATE -> {
                PutState put = PutState.parseFrom(payload);
                publicOnly(put.getCollection());
                writable();
                recorder.write(put.getKey(), put.getValue());
                return ByteString.EMPTY;
            }
            case DEL_STATE -> {
                DelState delete = DelState.parseFrom(payload);
                publicOnly(delete.getCollection());
                writable();
                recorder.write(delete.getKey(), ByteString.EMPTY);
                return ByteString.EMPTY;
            }
            case GET_STATE_BY_RANGE -> {
                return openRange(GetStateByRange.parseFrom(payload)).toByteString();
            }
            case QUERY_STATE_NEXT -> {
                String id = QueryStateNext.parseFrom(payload).getId();
                QueryCursor cursor = cursors.get(id);
                if (cursor == null) {
                    throw new RefusedCall("query iterator not found: " + id);
                }
                return batch(id, cursor).toByteString();
            }
            case QUERY_STATE_CLOSE -> {
                String id = QueryStateClose.parseFrom(payload).getId();
                cursors.remove(id);
                return QueryResponse.newBuilder().setId(id).setHasMore(false).build().toByteString();
            }
            case GET_HISTORY_FOR_KEY -> {
                // The shim sends GetQueryResult{query=key}, wire-identical to GetHistoryForKey{key}.
                String key = GetHistoryForKey.parseFrom(payload).getKey();
                String id = UUID.randomUUID().toString();
                HistoryCursor cursor = new HistoryCursor(id, state.history(key), limits.totalQueryLimit());
                cursors.put(id, cursor);
                return batch(id, cursor).toByteString();
            }
            case GET_STATE_METADATA -> {
                publicOnly(GetStateMetadata.parseFrom(payload).getCollection());
                return StateMetadataResult.getDefaultInstance().toByteString();
            }
            default -> throw new RefusedCall("the development peer does not support " + request.getType());
        }
    }

    private QueryResponse openRange(GetStateByRange range) throws InvalidProtocolBufferException, RefusedCall {
        publicOnly(range.getCollection());
        QueryMetadata metadata = range.getMetadata().isEmpty() ? null : QueryMetadata.parseFrom(range.getMetadata());
        boolean paged = metadata != null && metadata.getPageSize() > 0;
        String start = paged && !metadata.getBookmark().isEmpty() ? metadata.getBookmark() : range.getStartKey();
        String id = UUID.randomUUID().toString();
        RangeCursor cursor = new RangeCursor(id, chaincodeName, state, start, range.getEndKey(),
                paged ? metadata.getPageSize() : 0, limits.totalQueryLimit());
        if (paged) {
            pagedQueryMade = true;
        }
        recorder.rangeQuery(cursor);
        cursors.put(id, cursor);
        return batch(id, cursor);
    }

    private QueryResponse batch(String id, QueryCursor cursor) {
        QueryResponse response = cursor.nextBatch();
        if (cursor.finished()) {
            cursors.remove(id);
        }
        return response;
    }

    private void writable() throws RefusedCall {
        // F core/ledger/kvledger/txmgmt/txmgr/tx_simulator.go: no writes after a paginated query.
        if (pagedQueryMade) {
            throw new RefusedCall("a transaction that made a paginated query cannot write");
        }
    }

    private static void publicOnly(String collection) throws RefusedCall {
        if (!collection.isEmpty()) {
            throw new RefusedCall("private data collections are not supported by the development peer: " + collection);
        }
    }

    private static ChaincodeMessage reply(ChaincodeMessage request, ChaincodeMessage.Type type, ByteString payload) {
        return ChaincodeMessage.newBuilder().setType(type).setTxid(request.getTxid())
                .setChannelId(request.getChannelId()).setPayload(payload).build();
    }

    /** A ledger call the peer refuses; the shim gets ERROR with this message. */
    private static final class RefusedCall extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedCall(String message) {
            super(message, null, false, false);
        }
    }
}
