package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.gateway.CommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.CommitStatusResponse;
import org.hyperledger.fabric.protos.gateway.GatewayGrpc;
import org.hyperledger.fabric.protos.gateway.PreparedTransaction;
import org.hyperledger.fabric.protos.gateway.SignedCommitStatusRequest;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.network.identity.Member;

/** Validation codes the committer gives, seen through CommitStatus as a Fabric client sees them. */
class ValidationCodesIntegrationTest {

    private static DevNetwork network;
    private static ManagedChannel channel;
    private static Member adminMember;
    private static Gateway admin;
    private static Contract contract;

    @BeforeAll
    static void connect() {
        network = DevNetwork.shared();
        channel = GatewayClients.channel(network);
        adminMember = GatewayClients.client(network, "admin");
        admin = GatewayClients.gateway(channel, adminMember);
        contract = admin.getNetwork("certificates").getContract("pramaan");
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        admin.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void twoWritersOfOneKeyConflictAndARetrySucceeds() throws Exception {
        Transaction first = register("WCD").endorse();
        Transaction second = register("WCD").endorse();

        List<TxValidationCode> codes = new ArrayList<>();
        var submittedFirst = first.submitAsync();
        var submittedSecond = second.submitAsync();
        codes.add(submittedFirst.getStatus().getCode());
        codes.add(submittedSecond.getStatus().getCode());

        assertThat(codes).containsExactlyInAnyOrder(TxValidationCode.VALID, TxValidationCode.MVCC_READ_CONFLICT);
        Status retry = register("WCD").endorse().submitAsync().getStatus();
        assertThat(retry.getCode()).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void aReplayedTransactionIdIsRefusedAtEndorsementAndMarkedDuplicateAtCommit() throws Exception {
        Proposal proposal = register("HLT");
        Transaction transaction = proposal.endorse();
        Status committed = transaction.submitAsync().getStatus();
        assertThat(committed.getCode()).isEqualTo(TxValidationCode.VALID);

        EndorseException replayed = catchThrowableOfType(EndorseException.class,
                () -> admin.newProposal(proposal.getBytes()).endorse());
        assertThat(replayed.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.ABORTED);
        assertThat(replayed.getDetails()).anySatisfy(d -> assertThat(d.getMessage()).startsWith("duplicate transaction found"));

        Envelope envelope = signed(PreparedTransaction.parseFrom(transaction.getBytes()).getEnvelope());
        stub().submit(SubmitRequest.newBuilder().setTransactionId(transaction.getTransactionId())
                .setChannelId("certificates").setPreparedTransaction(envelope).build());
        Status marker = register("HED").endorse().submitAsync().getStatus();
        assertThat(marker.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(LedgerBlocks.codesOf(network.dataSource(), transaction.getTransactionId()))
                .containsExactly(TxValidationCode.VALID, TxValidationCode.DUPLICATE_TXID);
    }

    @Test
    void oneOrganisationsEndorsementAloneFailsThePolicy() throws Exception {
        Transaction transaction = register("ENR").endorse();
        Envelope prepared = PreparedTransaction.parseFrom(transaction.getBytes()).getEnvelope();

        Envelope govOnly = signed(withoutSecondEndorsement(prepared));
        stub().submit(SubmitRequest.newBuilder().setTransactionId(transaction.getTransactionId())
                .setChannelId("certificates").setPreparedTransaction(govOnly).build());

        assertThat(commitStatus(transaction.getTransactionId()).getResult())
                .isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
    }

    private static Proposal register(String department) {
        return contract.newProposal("RegisterIssuer").addArguments(GatewayClients.issuerJson(department)).build();
    }

    private static Envelope withoutSecondEndorsement(Envelope envelope) throws Exception {
        Payload payload = Payload.parseFrom(envelope.getPayload());
        var transaction = org.hyperledger.fabric.protos.peer.Transaction.parseFrom(payload.getData());
        var action = transaction.getActions(0);
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
        assertThat(actionPayload.getAction().getEndorsementsCount()).isEqualTo(2);
        ChaincodeActionPayload govOnly = actionPayload.toBuilder()
                .setAction(actionPayload.getAction().toBuilder().removeEndorsements(1)).build();
        var changed = transaction.toBuilder().setActions(0, action.toBuilder().setPayload(govOnly.toByteString())).build();
        return Envelope.newBuilder().setPayload(payload.toBuilder().setData(changed.toByteString()).build().toByteString())
                .build();
    }

    private static Envelope signed(Envelope envelope) {
        return envelope.toBuilder().setSignature(ByteString.copyFrom(adminMember.sign(envelope.getPayload().toByteArray())))
                .build();
    }

    private static CommitStatusResponse commitStatus(String txId) {
        ByteString request = CommitStatusRequest.newBuilder().setTransactionId(txId).setChannelId("certificates")
                .setIdentity(adminMember.serialized()).build().toByteString();
        return stub().commitStatus(SignedCommitStatusRequest.newBuilder().setRequest(request)
                .setSignature(ByteString.copyFrom(adminMember.sign(request.toByteArray()))).build());
    }

    private static GatewayGrpc.GatewayBlockingStub stub() {
        return GatewayGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }
}
