package org.pramaan.network.chaincode;

/**
 * The chaincode server could not run the transaction: not connected, not registered, the stream
 * broke, the chaincode threw (ERROR) or it did not answer in time. A peer reports this as an
 * endorsement failure (gRPC ABORTED), never as a chaincode response.
 */
public final class ChaincodeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChaincodeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChaincodeUnavailableException(String message) {
        super(message);
    }
}
