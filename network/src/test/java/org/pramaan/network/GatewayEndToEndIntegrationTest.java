package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** fabric-gateway Java 1.10 against the development peer and the real chaincode jar, over TLS. */
class GatewayEndToEndIntegrationTest {

    private static DevNetwork network;
    private static ManagedChannel channel;
    private static Gateway admin;

    @BeforeAll
    static void connect() {
        network = DevNetwork.shared();
        channel = GatewayClients.channel(network);
        admin = GatewayClients.gateway(channel, GatewayClients.client(network, "admin"));
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        admin.close();
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void submitCommitsEvaluateReadsAndTheEventArrives() throws Exception {
        Network certificates = admin.getNetwork("certificates");
        Contract contract = certificates.getContract("pramaan");

        SubmittedTransaction submitted = contract.newProposal("RegisterIssuer")
                .addArguments(GatewayClients.issuerJson("REV")).build().endorse().submitAsync();
        Status status = submitted.getStatus();

        assertThat(status.isSuccessful()).isTrue();
        assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
        assertThat(status.getBlockNumber()).isPositive();
        String read = new String(contract.evaluateTransaction("ReadIssuer", "REV"), StandardCharsets.UTF_8);
        assertThat(read).contains("\"department\":\"REV\"");
        try (CloseableIterator<ChaincodeEvent> events = certificates.newChaincodeEventsRequest("pramaan")
                .startBlock(status.getBlockNumber()).build().getEvents()) {
            ChaincodeEvent event = events.next();
            assertThat(event.getTransactionId()).isEqualTo(submitted.getTransactionId());
            assertThat(event.getEventName()).isEqualTo("IssuerChanged");
            assertThat(event.getBlockNumber()).isEqualTo(status.getBlockNumber());
        }
    }
}
