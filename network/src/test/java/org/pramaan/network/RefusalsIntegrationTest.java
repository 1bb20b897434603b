package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.network.identity.CertificateMinter;
import org.pramaan.network.identity.Member;
import org.pramaan.network.identity.NetworkMaterial;

/** What the development peer refuses, and that it refuses it with the status and details a Fabric gateway gives. */
class RefusalsIntegrationTest {

    private static DevNetwork network;
    private static ManagedChannel channel;

    @BeforeAll
    static void connect() {
        network = DevNetwork.shared();
        channel = GatewayClients.channel(network);
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void aCertificateFromAForeignCaIsRefused() {
        CertificateAuthority foreign = CertificateAuthority.createRoot("Mallory CA", Instant.now().minusSeconds(3600),
                Duration.ofDays(30));
        Member mallory = new CertificateMinter(foreign, Instant.now().minusSeconds(3600), Duration.ofDays(30))
                .node(NetworkMaterial.GOV, "mallory", "client", Map.of("role", "admin"));

        EndorseException refused = endorseFails(mallory, "RegisterIssuer", GatewayClients.issuerJson("AGR"));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detailMessages(refused)).anySatisfy(m -> assertThat(m).contains("creator org unknown")
                .contains("signed by unknown authority"));
    }

    @Test
    void anExpiredCertificateOfTheRightCaIsRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(800));
        Member expired = new CertificateMinter(network.material().authority(NetworkMaterial.GOV), longAgo, Duration.ofDays(1))
                .node(NetworkMaterial.GOV, "expired", "client", Map.of("role", "admin"));

        GatewayException refused = evaluateFails(expired, "ReadIssuer", "REV");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getMessage()).contains("expired");
    }

    @Test
    void anUnknownMspIsRefused() {
        Member admin = GatewayClients.client(network, "admin");
        Member stranger = new Member("StrangerMSP", admin.certificate(), admin.privateKey());

        GatewayException refused = evaluateFails(stranger, "ReadIssuer", "REV");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getMessage()).contains("MSP StrangerMSP is unknown");
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        Member admin = GatewayClients.client(network, "admin");
        Member verifier = GatewayClients.client(network, "verifier");
        try (Gateway gateway = Gateway.newInstance().identity(new X509Identity(admin.mspId(), admin.certificate()))
                .signer(Signers.newPrivateKeySigner(verifier.privateKey())).connection(channel).connect()) {
            GatewayException refused = catchThrowableOfType(GatewayException.class,
                    () -> gateway.getNetwork("certificates").getContract("pramaan").evaluateTransaction("ReadIssuer", "REV"));

            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(refused.getMessage()).contains("signature over the proposal is not valid");
        }
    }

    @Test
    void anIssuerOfAnotherDepartmentIsForbiddenByTheContract() {
        Member revenue = GatewayClients.client(network, "REV");
        String tribalWelfareCertificate = CertificateId.generate(DepartmentCode.of("TWD"), "INC", Year.of(2026)).toString();

        EndorseException refused = endorseFails(revenue, "RevokeCertificate", tribalWelfareCertificate, "FRAUD");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(refused.getStatus().getDescription()).isEqualTo("failed to endorse transaction, see attached details for more info");
        assertThat(detailMessages(refused)).singleElement().satisfies(m ->
                assertThat(m).startsWith("chaincode response 500, FORBIDDEN"));
    }

    @Test
    void aContractRefusalOnEvaluateIsUnknownWithTheChaincodeResponse() {
        GatewayException refused = evaluateFails(GatewayClients.client(network, "verifier"), "ReadIssuer", "ZZZ");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
        assertThat(refused.getStatus().getDescription()).startsWith("evaluate call to endorser returned error: chaincode response 500, NOT_FOUND");
    }

    @Test
    void anotherChannelOrChaincodeIsRefused() {
        try (Gateway gateway = GatewayClients.gateway(channel, GatewayClients.client(network, "verifier"))) {
            GatewayException noChannel = catchThrowableOfType(GatewayException.class,
                    () -> gateway.getNetwork("elsewhere").getContract("pramaan").evaluateTransaction("ReadIssuer", "REV"));
            GatewayException noChaincode = catchThrowableOfType(GatewayException.class,
                    () -> gateway.getNetwork("certificates").getContract("other").evaluateTransaction("ReadIssuer", "REV"));

            assertThat(noChannel.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(noChaincode.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        }
    }

    private static EndorseException endorseFails(Member member, String function, String... arguments) {
        try (Gateway gateway = GatewayClients.gateway(channel, member)) {
            Contract contract = gateway.getNetwork("certificates").getContract("pramaan");
            return catchThrowableOfType(EndorseException.class,
                    () -> contract.newProposal(function).addArguments(arguments).build().endorse());
        }
    }

    private static GatewayException evaluateFails(Member member, String function, String... arguments) {
        try (Gateway gateway = GatewayClients.gateway(channel, member)) {
            Contract contract = gateway.getNetwork("certificates").getContract("pramaan");
            return catchThrowableOfType(GatewayException.class, () -> contract.evaluateTransaction(function, arguments));
        }
    }

    private static List<String> detailMessages(GatewayException e) {
        return e.getDetails().stream().map(d -> d.getMessage()).toList();
    }
}
