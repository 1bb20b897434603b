package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/** The Gateway's errors, shaped as Fabric's gateway sends them (fabric internal/pkg/gateway/apiutils.go). */
class FabricErrorsTest {

    private static final String TX = "4f1c".repeat(16);

    @Test
    void aContractRefusalAtEndorsementKeepsItsCodeMessageAndTransaction() {
        EndorseException refused = new EndorseException(TX, gatewayError(io.grpc.Status.Code.ABORTED,
                "failed to endorse transaction, see attached details for more info",
                "chaincode response 500, CONFLICT: certificate REV-INC-2026-1 already anchored with another hash"));

        LedgerException mapped = FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, refused);

        assertThat(mapped.code()).isEqualTo(LedgerErrorCode.CONFLICT);
        assertThat(mapped.contractCode()).hasValue("CONFLICT");
        assertThat(mapped.transactionId()).hasValue(TX);
        assertThat(mapped.getMessage()).contains("IssueCertificates refused by the contract: CONFLICT: certificate "
                + "REV-INC-2026-1 already anchored with another hash (GovMSP at peer0.gov.pramaan.local:7051)");
        assertThat(mapped.getCause()).isSameAs(refused);
    }

    @Test
    void aContractRefusalOnEvaluateIsFoundInTheStatusMessage() {
        GatewayException refused = new GatewayException(Status.UNKNOWN.withDescription(
                "evaluate call to endorser returned error: chaincode response 500, NOT_FOUND: no certificate REV-INC-2026-9")
                .asRuntimeException());

        LedgerException mapped = FabricErrors.of(FabricErrors.Stage.EVALUATE, "ReadCertificate", TX, refused);

        assertThat(mapped.code()).isEqualTo(LedgerErrorCode.NOT_FOUND);
        assertThat(mapped.getMessage()).contains("NOT_FOUND: no certificate REV-INC-2026-9");
    }

    @Test
    void contractCodesWithoutALedgerCodeAreContractFailuresThatKeepTheirName() {
        EndorseException broken = new EndorseException(TX, gatewayError(io.grpc.Status.Code.ABORTED, "failed to endorse",
                "chaincode response 500, MISCONFIGURED: PRAMAAN_MAX_BATCH is not a number"));

        LedgerException mapped = FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, broken);

        assertThat(mapped.code()).isEqualTo(LedgerErrorCode.CONTRACT_FAILURE);
        assertThat(mapped.contractCode()).hasValue("MISCONFIGURED");
    }

    @Test
    void anUnnamedContractFailureIsAContractFailure() {
        EndorseException broken = new EndorseException(TX, gatewayError(io.grpc.Status.Code.ABORTED, "failed to endorse",
                "chaincode response 500, Unexpected error"));

        assertThat(FabricErrors.of(FabricErrors.Stage.ENDORSE, "RevokeCertificate", TX, broken).code())
                .isEqualTo(LedgerErrorCode.CONTRACT_FAILURE);
    }

    @Test
    void aPeerRefusalIsNotMistakenForTheContracts() {
        EndorseException refused = new EndorseException(TX, gatewayError(io.grpc.Status.Code.ABORTED, "failed to endorse",
                "error validating proposal: access denied: channel [certificates] creator org unknown, FORBIDDEN: x"));

        LedgerException mapped = FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, refused);

        assertThat(mapped.code()).isEqualTo(LedgerErrorCode.REJECTED);
        assertThat(mapped.contractCode()).isEmpty();
        assertThat(mapped.getMessage()).contains("endorse of IssueCertificates failed: ABORTED")
                .contains("GovMSP at peer0.gov.pramaan.local:7051: error validating proposal");
    }

    @Test
    void anUnreachableOrSilentPeerIsUnavailable() {
        for (Status status : new Status[] {Status.UNAVAILABLE.withDescription("io exception"),
                Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 4.99s")}) {
            LedgerException mapped = FabricErrors.of(FabricErrors.Stage.SUBMIT, "IssueCertificates", TX,
                    new SubmitException(TX, status.asRuntimeException()));
            assertThat(mapped.code()).isEqualTo(LedgerErrorCode.UNAVAILABLE);
            assertThat(mapped.code().retryable()).isTrue();
            assertThat(mapped.getMessage()).contains("submit of IssueCertificates failed: " + status.getCode());
        }
        EndorseException chaincodeDown = new EndorseException(TX, gatewayError(io.grpc.Status.Code.ABORTED, "failed to endorse",
                "error in simulation: could not launch chaincode pramaan_1: connection refused"));
        assertThat(FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, chaincodeDown).code())
                .isEqualTo(LedgerErrorCode.UNAVAILABLE);
    }

    @Test
    void commitValidationCodesMapToTheirOwnCodes() {
        assertCommit(TxValidationCode.MVCC_READ_CONFLICT, LedgerErrorCode.MVCC_READ_CONFLICT);
        assertCommit(TxValidationCode.PHANTOM_READ_CONFLICT, LedgerErrorCode.PHANTOM_READ_CONFLICT);
        assertCommit(TxValidationCode.ENDORSEMENT_POLICY_FAILURE, LedgerErrorCode.ENDORSEMENT_POLICY_FAILURE);
        assertCommit(TxValidationCode.DUPLICATE_TXID, LedgerErrorCode.DUPLICATE_TRANSACTION);
        assertCommit(TxValidationCode.BAD_CREATOR_SIGNATURE, LedgerErrorCode.INVALID_TRANSACTION);
        assertThat(LedgerErrorCode.MVCC_READ_CONFLICT.conflict()).isTrue();
        assertThat(LedgerErrorCode.PHANTOM_READ_CONFLICT.conflict()).isTrue();
        assertThat(LedgerErrorCode.ENDORSEMENT_POLICY_FAILURE.retryable()).isFalse();
    }

    @Test
    void aConnectionClosedUnderACallIsUnavailableNotARefusal() {
        // grpc-java reports a write on a connection the peer has just dropped (killed with -9) as UNKNOWN
        // "channel closed", with the socket's exception as its cause: the peer never answered, so the
        // call may be retried (and a submit's outcome is unknown), unlike a refusal.
        EndorseException dropped = new EndorseException(TX, Status.UNKNOWN.withDescription("channel closed")
                .withCause(new java.nio.channels.ClosedChannelException()).asRuntimeException());

        assertThat(FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, dropped).code())
                .isEqualTo(LedgerErrorCode.UNAVAILABLE);
    }

    @Test
    void anUnknownStatusWithoutATransportCauseStaysARefusal() {
        EndorseException odd = new EndorseException(TX, Status.UNKNOWN.withDescription("something the peer said")
                .asRuntimeException());

        assertThat(FabricErrors.of(FabricErrors.Stage.ENDORSE, "IssueCertificates", TX, odd).code())
                .isEqualTo(LedgerErrorCode.REJECTED);
    }

    private static void assertCommit(TxValidationCode validation, LedgerErrorCode expected) {
        LedgerException mapped = FabricErrors.commitFailed("IssueCertificates", TX, validation);
        assertThat(mapped.code()).isEqualTo(expected);
        assertThat(mapped.transactionId()).hasValue(TX);
        assertThat(mapped.getMessage()).contains("commit of IssueCertificates failed with validation code "
                + validation.getNumber() + " (" + validation.name() + ")");
    }

    /** A Gateway error with one endorser's detail, in the trailer as Fabric's gateway puts it. */
    private static StatusRuntimeException gatewayError(io.grpc.Status.Code code, String message, String detail) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress("peer0.gov.pramaan.local:7051").setMspId("GovMSP").setMessage(detail).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }
}
