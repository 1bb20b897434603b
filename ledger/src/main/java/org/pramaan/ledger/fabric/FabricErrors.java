package org.pramaan.ledger.fabric;

import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/**
 * Fabric's failures as {@link LedgerException}s that say where the call failed (evaluate, endorse,
 * submit, commit status, commit), with the transaction id and, when the contract refused, its own
 * error code, which the Gateway passes on only inside the endorsers' messages ({@code CONFLICT: ...}).
 */
final class FabricErrors {

    /** Where in a transaction's life a call failed. */
    enum Stage {
        EVALUATE("evaluate"), ENDORSE("endorse"), SUBMIT("submit"), COMMIT_STATUS("commit status"), EVENTS("events");

        private final String text;

        Stage(String text) {
            this.text = text;
        }
    }

    private static final String CHAINCODE_RESPONSE = "chaincode response ";
    /** Peer errors that mean the chaincode could not be run now, rather than that it refused. */
    private static final List<String> CHAINCODE_UNREACHABLE = List.of(
            "could not launch chaincode", "timeout expired while executing transaction", "connection refused",
            "chaincode stream terminated", "chaincode unavailable", "connection failed", "is not connected");

    private FabricErrors() {
    }

    /** A Gateway call that failed at {@code stage} of {@code function}. */
    static LedgerException of(Stage stage, String function, String transactionId, GatewayException e) {
        return of(stage, function, transactionId, e.getStatus(), e.getDetails(), e);
    }

    static LedgerException of(Stage stage, String function, String transactionId, Status status,
                              List<ErrorDetail> details, Throwable cause) {
        String where = stage.text + " of " + function;
        Optional<ErrorCode> contractCode = contractCode(status, details);
        if (contractCode.isPresent()) {
            ErrorCode code = contractCode.get();
            return new LedgerException(LedgerErrorCode.fromContract(code.name()), code.name(), transactionId,
                    function + " refused by the contract: " + contractMessage(status, details, code), cause);
        }
        String what = where + " failed: " + status.getCode() + describe(status, details);
        return new LedgerException(codeOf(status, details, cause), transactionId, what, cause);
    }

    /** A transaction the committing peer marked invalid. */
    static LedgerException commitFailed(String function, String transactionId, TxValidationCode validation) {
        LedgerErrorCode code = switch (validation) {
            case MVCC_READ_CONFLICT -> LedgerErrorCode.MVCC_READ_CONFLICT;
            case PHANTOM_READ_CONFLICT -> LedgerErrorCode.PHANTOM_READ_CONFLICT;
            case ENDORSEMENT_POLICY_FAILURE -> LedgerErrorCode.ENDORSEMENT_POLICY_FAILURE;
            case DUPLICATE_TXID -> LedgerErrorCode.DUPLICATE_TRANSACTION;
            default -> LedgerErrorCode.INVALID_TRANSACTION;
        };
        return new LedgerException(code, transactionId, "commit of " + function + " failed with validation code "
                + validation.getNumber() + " (" + validation.name() + "); nothing was written");
    }

    private static LedgerErrorCode codeOf(Status status, List<ErrorDetail> details, Throwable cause) {
        switch (status.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, RESOURCE_EXHAUSTED:
                return LedgerErrorCode.UNAVAILABLE;
            case PERMISSION_DENIED, UNAUTHENTICATED:
                return LedgerErrorCode.FORBIDDEN;
            case UNKNOWN:
                if (brokenConnection(status.getCause()) || brokenConnection(cause)) {
                    return LedgerErrorCode.UNAVAILABLE;
                }
                break;
            default:
                break;
        }
        String messages = allMessages(status, details).toLowerCase(java.util.Locale.ROOT);
        if (CHAINCODE_UNREACHABLE.stream().anyMatch(messages::contains)) {
            return LedgerErrorCode.UNAVAILABLE;
        }
        if (messages.contains(CHAINCODE_RESPONSE)) {
            return LedgerErrorCode.CONTRACT_FAILURE;
        }
        return LedgerErrorCode.REJECTED;
    }

    /**
     * grpc-java reports a call written on a connection the peer has just dropped as UNKNOWN ("channel
     * closed") with the socket's exception as cause: the peer never answered, which is unavailability.
     */
    private static boolean brokenConnection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** The first of our codes in the endorsers' messages, else in the status message. */
    private static Optional<ErrorCode> contractCode(Status status, List<ErrorDetail> details) {
        for (ErrorDetail detail : details) {
            Optional<ErrorCode> code = fromChaincodeResponse(detail.getMessage());
            if (code.isPresent()) {
                return code;
            }
        }
        return fromChaincodeResponse(status.getDescription());
    }

    /** Only a chaincode response carries the contract's code; a peer's own message never does. */
    private static Optional<ErrorCode> fromChaincodeResponse(String message) {
        if (message == null || !message.contains(CHAINCODE_RESPONSE)) {
            return Optional.empty();
        }
        return ErrorCode.fromMessage(message);
    }

    /** The contract's own message, from its code on, and which endorser said it. */
    private static String contractMessage(Status status, List<ErrorDetail> details, ErrorCode code) {
        String prefix = code.name() + ": ";
        for (ErrorDetail detail : details) {
            int at = detail.getMessage().indexOf(prefix);
            if (at >= 0) {
                return detail.getMessage().substring(at) + " (" + detail.getMspId() + " at " + detail.getAddress() + ")";
            }
        }
        String description = status.getDescription() == null ? "" : status.getDescription();
        int at = description.indexOf(prefix);
        return at >= 0 ? description.substring(at) : description;
    }

    private static String describe(Status status, List<ErrorDetail> details) {
        StringBuilder text = new StringBuilder();
        if (status.getDescription() != null) {
            text.append(' ').append(status.getDescription());
        }
        if (!details.isEmpty()) {
            text.append("; endorsers: ").append(details.stream()
                    .map(d -> d.getMspId() + " at " + d.getAddress() + ": " + d.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return text.toString();
    }

    private static String allMessages(Status status, List<ErrorDetail> details) {
        return (status.getDescription() == null ? "" : status.getDescription()) + " "
                + details.stream().map(ErrorDetail::getMessage).collect(Collectors.joining(" "));
    }
}
