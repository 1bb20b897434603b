package org.pramaan.network.gateway;

import com.google.protobuf.Any;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/**
 * gRPC errors as Fabric's gateway sends them (internal/pkg/gateway/apiutils.go newRpcError): a
 * status code and message, and in the {@code grpc-status-details-bin} trailer a google.rpc.Status
 * with the same code carrying one {@code gateway.ErrorDetail} per endorser that failed.
 */
final class GatewayErrors {

    private GatewayErrors() {
    }

    static StatusRuntimeException error(io.grpc.Status.Code code, String message, List<ErrorDetail> details) {
        Status.Builder status = Status.newBuilder().setCode(code.value()).setMessage(message);
        details.forEach(d -> status.addDetails(Any.pack(d)));
        return StatusProto.toStatusRuntimeException(status.build());
    }

    static StatusRuntimeException error(io.grpc.Status.Code code, String message) {
        return error(code, message, List.of());
    }
}
