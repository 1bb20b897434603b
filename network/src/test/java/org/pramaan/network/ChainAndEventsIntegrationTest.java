package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Checkpointer;
import org.hyperledger.fabric.client.InMemoryCheckpointer;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.pramaan.network.audit.ChainAudit;

/** The hash chain and its audit, and chaincode events read back from the ledger: resumed, restarted, followed. */
class ChainAndEventsIntegrationTest {

    @Test
    void theAuditPassesAndFindsATamperedBlock() throws Exception {
        DevNetwork network = DevNetwork.shared();
        submit(network, "PUB");
        assertThat(ChainAudit.verify(network.dataSource()).clean()).isTrue();

        byte[] original = blockBytes(network, 1);
        Block forged = Block.parseFrom(original).toBuilder().setData(Block.parseFrom(original).getData().toBuilder()
                .setData(0, ByteString.copyFromUtf8("a forged transaction"))).build();
        try {
            writeBlockBytes(network, 1, forged.toByteArray());
            ChainAudit.Result audit = ChainAudit.verify(network.dataSource());

            assertThat(audit.clean()).isFalse();
            assertThat(audit.firstBreak().orElseThrow().blockNumber()).isEqualTo(1);
            assertThat(audit.firstBreak().orElseThrow().problem()).contains("data hash");
        } finally {
            writeBlockBytes(network, 1, original);
        }
        assertThat(ChainAudit.verify(network.dataSource()).clean()).isTrue();
    }

    @Test
    void eventsResumeAfterABlockOrATransactionWithNoGapAndNoRepeatAndSurviveARestart() throws Exception {
        DevNetwork network = DevNetwork.shared();
        Status first = submit(network, "MNW");
        Status second = submit(network, "PRRD");
        Status third = submit(network, "PLG");

        assertThat(events(network, first.getBlockNumber(), null, 3)).extracting(ChaincodeEvent::getTransactionId)
                .containsExactly(first.getTransactionId(), second.getTransactionId(), third.getTransactionId());
        assertThat(events(network, second.getBlockNumber() + 1, null, 1)).extracting(ChaincodeEvent::getTransactionId)
                .containsExactly(third.getTransactionId());
        Checkpointer checkpoint = new InMemoryCheckpointer();
        checkpoint.checkpointTransaction(first.getBlockNumber(), first.getTransactionId());
        assertThat(events(network, 0, checkpoint, 2)).extracting(ChaincodeEvent::getTransactionId)
                .containsExactly(second.getTransactionId(), third.getTransactionId());

        network.stopPeer();
        network.startPeer();

        assertThat(events(network, first.getBlockNumber(), null, 3)).extracting(ChaincodeEvent::getBlockNumber)
                .containsExactly(first.getBlockNumber(), second.getBlockNumber(), third.getBlockNumber());
    }

    @Test
    void aStreamFromTheNextCommitFollowsNewBlocks() throws Exception {
        DevNetwork network = DevNetwork.shared();
        ManagedChannel channel = GatewayClients.channel(network);
        try (Gateway gateway = GatewayClients.gateway(channel, GatewayClients.client(network, "verifier"));
             Gateway admin = GatewayClients.gateway(channel, GatewayClients.client(network, "admin"))) {
            try (CloseableIterator<ChaincodeEvent> events = gateway.getNetwork("certificates").getChaincodeEvents("pramaan")) {
                SubmittedTransaction submitted = admin.getNetwork("certificates").getContract("pramaan")
                        .newProposal("RegisterIssuer").addArguments(GatewayClients.issuerJson("LAB")).build()
                        .endorse().submitAsync();

                assertThat(events.next().getTransactionId()).isEqualTo(submitted.getTransactionId());
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Status submit(DevNetwork network, String department) throws Exception {
        ManagedChannel channel = GatewayClients.channel(network);
        try (Gateway admin = GatewayClients.gateway(channel, GatewayClients.client(network, "admin"))) {
            Status status = admin.getNetwork("certificates").getContract("pramaan").newProposal("RegisterIssuer")
                    .addArguments(GatewayClients.issuerJson(department)).build().endorse().submitAsync().getStatus();
            assertThat(status.isSuccessful()).isTrue();
            return status;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The first {@code count} events from {@code startBlock} (or after the checkpoint), on a fresh connection. */
    private static List<ChaincodeEvent> events(DevNetwork network, long startBlock, Checkpointer checkpoint, int count)
            throws Exception {
        ManagedChannel channel = GatewayClients.channel(network);
        try (Gateway verifier = GatewayClients.gateway(channel, GatewayClients.client(network, "verifier"))) {
            Network certificates = verifier.getNetwork("certificates");
            var request = certificates.newChaincodeEventsRequest("pramaan");
            if (checkpoint != null) {
                request.checkpoint(checkpoint);
            } else {
                request.startBlock(startBlock);
            }
            List<ChaincodeEvent> found = new ArrayList<>();
            try (CloseableIterator<ChaincodeEvent> events = request.build().getEvents()) {
                while (found.size() < count) {
                    found.add(events.next());
                }
            }
            return found;
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static byte[] blockBytes(DevNetwork network, long number) throws Exception {
        try (Connection c = network.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT block_bytes FROM devpeer.block WHERE block_number = ?")) {
            select.setLong(1, number);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getBytes(1);
            }
        }
    }

    private static void writeBlockBytes(DevNetwork network, long number, byte[] bytes) throws Exception {
        try (Connection c = network.dataSource().getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE devpeer.block SET block_bytes = ? WHERE block_number = ?")) {
            update.setBytes(1, bytes);
            update.setLong(2, number);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
