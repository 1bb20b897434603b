package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.issuerJson;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;
import static org.pramaan.chaincode.testing.Fixtures.signerJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.InMemoryLedger;
import org.pramaan.chaincode.testing.InMemoryStub;
import org.pramaan.chaincode.testing.TestIdentity;

/**
 * The contract as the chaincode server runs it: found on the class path by the shim's
 * {@link ContractRouter}, invoked by transaction name with string arguments, answering with the
 * shim's responses. This is where a wrong transaction name, intent or signature would show.
 */
class ContractRouterTest {

    private static ContractRouter router;
    private final InMemoryLedger ledger = new InMemoryLedger();
    private int transactions;

    @BeforeAll
    static void startRouter() throws Exception {
        router = new ContractRouter(new String[] {"-i", "pramaan_test:0"});
        // The shim logs every refused transaction as SEVERE with a stack trace; these tests assert the responses.
        Logger.getLogger("org.hyperledger").setLevel(Level.OFF);
        router.startRouterWithChaincodeServer(new ChaincodeServer() {
            @Override
            public void start() {
                // routing only; no network server in this test
            }

            @Override
            public void stop() {
                // nothing was started
            }
        });
    }

    @Test
    void everyTransactionIsRoutedByItsName() {
        Fixtures.Signer signer = Fixtures.signer("REV");
        String id = newId("REV", "INC");
        TestIdentity admin = TestIdentity.admin();
        TestIdentity issuer = TestIdentity.issuer("REV");

        ok(admin, "RegisterIssuer", issuerJson("REV"));
        ok(admin, "pramaan:AddSignerKey", "REV", signerJson(signer));
        ok(issuer, "IssueCertificates", batch(entry(id, hash("c"), signer.kid())));
        assertThat(parse(ok(issuer, "ReadCertificate", id)).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(parse(ok(issuer, "VerifyCertificate", id, hash("c"))).get("result").asText()).isEqualTo("VALID");
        ok(issuer, "RevokeCertificate", id, "FRAUD");
        assertThat(parse(ok(issuer, "CertificateHistory", id)).get("history")).hasSize(2);
        ok(admin, "RevokeSignerKey", "REV", signer.kid(), "2026-02-01T00:00:00Z", "RETIRED");
        ok(admin, "SuspendIssuer", "REV", "UNDER_REVIEW");
        ok(admin, "ReinstateIssuer", "REV");
        assertThat(parse(ok(issuer, "ReadIssuer", "REV")).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(parse(ok(issuer, "ListIssuers", "10", "")).get("issuers")).hasSize(1);
        assertThat(parse(ok(issuer, "ListCertificates", "REV", "10", "")).get("certificates")).hasSize(1);
    }

    /**
     * A proposal's arguments are written into the block with the transaction, so a transaction that
     * accepted a trailing note would put it on the ledger for good even if the contract ignored it:
     * the shim must refuse the call at endorsement, before anything is ordered.
     */
    @Test
    void noWriteTakesAFreeTextArgument() {
        Fixtures.Signer signer = Fixtures.signer("REV");
        String id = newId("REV", "INC");
        TestIdentity admin = TestIdentity.admin();
        TestIdentity issuer = TestIdentity.issuer("REV");
        ok(admin, "RegisterIssuer", issuerJson("REV"));
        ok(admin, "AddSignerKey", "REV", signerJson(signer));
        ok(issuer, "IssueCertificates", batch(entry(id, hash("c"), signer.kid())));
        int committed = ledger.committedTransactions().size();
        String note = "Ravi Kumar, Aadhaar 123456789012";

        refused(issuer, "RevokeCertificate", id, "FRAUD", note);
        refused(issuer, "RevokeCertificate", id, note);
        refused(admin, "RevokeSignerKey", "REV", signer.kid(), "2026-02-01T00:00:00Z", "KEY_COMPROMISE", note);
        refused(admin, "RevokeSignerKey", "REV", signer.kid(), "2026-02-01T00:00:00Z", note);
        refused(admin, "SuspendIssuer", "REV", "UNDER_REVIEW", note);
        refused(admin, "SuspendIssuer", "REV", note);
        refused(issuer, "HoldCertificate", id, "UNDER_SCRUTINY", note);
        refused(issuer, "HoldCertificate", id, note);
        refused(issuer, "ReleaseCertificate", id, note);

        assertThat(ledger.committedTransactions()).hasSize(committed);
    }

    @Test
    void aRefusalCarriesTheCodeAsPayloadAndInTheMessage() {
        Chaincode.Response response = invoke(TestIdentity.issuer("REV"), "RegisterIssuer", issuerJson("REV"));

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).startsWith("FORBIDDEN: ").contains("role=admin");
        assertThat(response.getPayload()).isEqualTo("FORBIDDEN".getBytes(StandardCharsets.UTF_8));
        assertThat(ledger.committedTransactions()).isEmpty();
    }

    @Test
    void anUnknownTransactionIsRefusedAsInvalid() {
        Chaincode.Response response = invoke(TestIdentity.admin(), "DeleteCertificate", "x");
        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).isEqualTo("INVALID_ARGUMENT: the contract has no transaction 'DeleteCertificate'");
        assertThat(response.getPayload()).isEqualTo("INVALID_ARGUMENT".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theMetadataDeclaresWhichTransactionsSubmitAndWhichEvaluate() {
        JsonNode metadata = parse(ok(TestIdentity.admin(), "org.hyperledger.fabric:GetMetadata"));
        JsonNode contract = metadata.get("contracts").get("pramaan");
        Map<String, String> intents = new TreeMap<>();
        for (JsonNode tx : contract.get("transactions")) {
            List<String> tags = new ArrayList<>();
            tx.get("tags").forEach(t -> tags.add(t.asText()));
            intents.put(tx.get("name").asText(), tags.contains("SUBMIT") ? "SUBMIT" : "EVALUATE");
        }
        assertThat(intents).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("RegisterIssuer", "SUBMIT"),
                Map.entry("SupersedeCertificate", "SUBMIT"),
                Map.entry("AddSignerKey", "SUBMIT"),
                Map.entry("RevokeSignerKey", "SUBMIT"),
                Map.entry("SuspendIssuer", "SUBMIT"),
                Map.entry("ReinstateIssuer", "SUBMIT"),
                Map.entry("IssueCertificates", "SUBMIT"),
                Map.entry("RevokeCertificate", "SUBMIT"),
                Map.entry("HoldCertificate", "SUBMIT"),
                Map.entry("ReleaseCertificate", "SUBMIT"),
                Map.entry("ReadCertificate", "EVALUATE"),
                Map.entry("VerifyCertificate", "EVALUATE"),
                Map.entry("CertificateHistory", "EVALUATE"),
                Map.entry("ReadIssuer", "EVALUATE"),
                Map.entry("ListIssuers", "EVALUATE"),
                Map.entry("ListCertificates", "EVALUATE")));
        assertThat(metadata.get("contracts").get("pramaan").get("info").get("title").asText())
                .isEqualTo("Pramaan certificates");
    }

    private void refused(TestIdentity caller, String function, String... args) {
        Chaincode.Response response = invoke(caller, function, args);
        assertThat(response.getStatus()).as(function + " " + List.of(args))
                .isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
    }

    private String ok(TestIdentity caller, String function, String... args) {
        Chaincode.Response response = invoke(caller, function, args);
        assertThat(response.getStatus()).as(response.getMessage()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        return response.getStringPayload();
    }

    private Chaincode.Response invoke(TestIdentity caller, String function, String... args) {
        List<String> all = new ArrayList<>();
        all.add(function);
        all.addAll(List.of(args));
        transactions++;
        InMemoryStub stub = ledger.begin("router-" + transactions, Instant.parse("2026-03-01T10:00:00Z")
                .plusSeconds(transactions), caller.creator(), all);
        Chaincode.Response response = router.invoke(stub);
        if (response.getStatus() == Chaincode.Response.Status.SUCCESS) {
            stub.commit();
        } else {
            stub.discard();
        }
        return response;
    }
}
