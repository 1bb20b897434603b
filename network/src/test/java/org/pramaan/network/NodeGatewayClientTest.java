package org.pramaan.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, independent Fabric Gateway client against the development peer: fabric-gateway for
 * Node ({@code src/test/node/gateway-check.mjs}), so the peer is not checked only by the Java
 * library it was written against. Needs {@code node} and {@code npm}; fails, never skips, without them.
 */
class NodeGatewayClientTest {

    private static final String CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static DevNetwork network;
    private static NodeGatewayClient client;

    @BeforeAll
    static void start() throws Exception {
        client = NodeGatewayClient.install();
        network = DevNetwork.shared();
    }

    @Test
    void nodeClientSubmitsEvaluatesReadsTheEventAndSeesTheContractsRefusals() throws Exception {
        String department = departmentCode("ND");
        String unknown = departmentCode("QU");

        NodeGatewayClient.Run run = client.check(network.connectionFile(), department, unknown);

        JsonNode summary = run.summary();
        assertThat(run.exitCode()).as("exit code; summary %s; stderr %s", summary, run.stderr()).isZero();
        assertThat(summary.path("ok").asBoolean()).as("summary %s", summary).isTrue();
        assertThat(summary.path("department").asText()).isEqualTo(department);
        assertThat(summary.path("blockNumber").asLong()).isPositive();

        JsonNode issuer = summary.path("issuer");
        assertThat(issuer.path("department").asText()).isEqualTo(department);
        assertThat(issuer.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(issuer.path("names").path("te").asText()).isEqualTo("నోడ్ గేట్‌వే తనిఖీ");

        JsonNode event = summary.path("event");
        assertThat(event.path("name").asText()).isEqualTo("IssuerChanged");
        assertThat(event.path("transactionId").asText()).isEqualTo(summary.path("transactionId").asText());
        assertThat(event.path("blockNumber").asLong()).isEqualTo(summary.path("blockNumber").asLong());
        assertThat(event.path("payload").path("department").asText()).isEqualTo(department);
        assertThat(event.path("payload").path("change").asText()).isEqualTo("REGISTERED");

        // Fabric's Gateway: a refused evaluate is UNKNOWN (2), a refused endorsement ABORTED (10),
        // each with the endorser's "chaincode response 500, <CODE>: ..." in the details.
        JsonNode refusal = summary.path("refusal");
        assertThat(refusal.path("department").asText()).isEqualTo(unknown);
        assertThat(refusal.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(refusal.path("grpcCode").asInt()).isEqualTo(2);
        assertThat(refusal.path("message").asText()).startsWith("chaincode response 500, NOT_FOUND: ");
        JsonNode conflict = summary.path("conflict");
        assertThat(conflict.path("code").asText()).isEqualTo("CONFLICT");
        assertThat(conflict.path("grpcCode").asInt()).isEqualTo(10);
        assertThat(conflict.path("message").asText()).startsWith("chaincode response 500, CONFLICT: ");
    }

    /** A fresh department code, so the test holds on a shared network and on one reused between runs. */
    private static String departmentCode(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        while (code.length() < 8) {
            code.append(CODE_CHARS.charAt(RANDOM.nextInt(CODE_CHARS.length())));
        }
        return code.toString();
    }
}
