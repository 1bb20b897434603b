package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.issuerJson;
import static org.pramaan.chaincode.testing.Fixtures.parse;
import static org.pramaan.chaincode.testing.Fixtures.signerJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Fixtures.Signer;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;

class IssuerAdministrationTest {

    private ContractHarness harness;
    private Session admin;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness();
        admin = harness.as(TestIdentity.admin());
    }

    @Test
    void aRegisteredDepartmentIsActiveWithNoKeysAndIsAnnounced() {
        JsonNode issuer = parse(admin.registerIssuer(issuerJson("REV")));

        assertThat(issuer.get("department").asText()).isEqualTo("REV");
        assertThat(issuer.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(issuer.get("names").get("te").asText()).isEqualTo("రెవెన్యూ శాఖ");
        assertThat(issuer.get("signers")).isEmpty();
        assertThat(harness.lastEvent().orElseThrow().payloadText())
                .isEqualTo("{\"department\":\"REV\",\"change\":\"REGISTERED\"}");
        assertThat(harness.stateAsText()).containsKey("~ISSUER~REV~");
    }

    @Test
    void registeringAgainWithTheSameNamesChangesNothingAndOtherNamesConflict() {
        admin.registerIssuer(issuerJson("REV"));
        Map<String, String> state = harness.stateAsText();

        admin.registerIssuer(issuerJson("REV"));
        assertThat(harness.stateAsText()).isEqualTo(state);
        assertThat(harness.lastEvent()).isEmpty();

        String renamed = Fixtures.json(Map.of("department", "REV",
                "names", Map.of("en", "Land Revenue", "te", "భూ రెవెన్యూ", "hi", "भू राजस्व")));
        harness.refused(ErrorCode.CONFLICT, () -> admin.registerIssuer(renamed));
    }

    @Test
    void registrationInputIsStrict() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.registerIssuer(
                "{\"department\":\"REV\",\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\"},\"status\":\"ACTIVE\"}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.registerIssuer(
                "{\"department\":\"REV\",\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\",\"ta\":\"d\"}}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.registerIssuer(
                "{\"department\":\"REV\",\"names\":{\"en\":\"a\",\"te\":\" \",\"hi\":\"c\"}}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.registerIssuer(
                "{\"department\":\"R\",\"names\":{\"en\":\"a\",\"te\":\"b\",\"hi\":\"c\"}}"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.registerIssuer(
                "{\"department\":\"REV\",\"names\":{\"en\":\"a\\u0007\",\"te\":\"b\",\"hi\":\"c\"}}"));
    }

    @Test
    void aSignerKeyIsStoredWithItsCertificateAndPeriod() {
        admin.registerIssuer(issuerJson("REV"));
        Signer signer = Fixtures.signer("REV");

        JsonNode issuer = parse(admin.addSignerKey("REV", signerJson(signer)));

        JsonNode key = issuer.get("signers").get(0);
        assertThat(key.get("kid").asText()).isEqualTo(signer.kid());
        assertThat(key.get("certificate").asText()).isEqualTo(signer.pem());
        assertThat(key.get("validFrom").asText()).isEqualTo(Fixtures.KEY_FROM.toString());
        assertThat(key.get("validUntil").asText()).isEqualTo(Fixtures.KEY_UNTIL.toString());
        assertThat(harness.lastEvent().orElseThrow().payloadText())
                .isEqualTo("{\"department\":\"REV\",\"change\":\"SIGNER_ADDED\",\"kid\":\"" + signer.kid() + "\"}");
    }

    @Test
    void signerKeysAreKeptInKidOrder() {
        admin.registerIssuer(issuerJson("REV"));
        List<String> kids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Signer signer = Fixtures.signer("REV");
            admin.addSignerKey("REV", signerJson(signer));
            kids.add(signer.kid());
        }
        List<String> stored = new ArrayList<>();
        parse(admin.readIssuer("REV")).get("signers").forEach(k -> stored.add(k.get("kid").asText()));
        assertThat(stored).isSorted().containsExactlyInAnyOrderElementsOf(kids);
    }

    @Test
    void aPemInAnotherLayoutIsStoredCanonicallyAndCountsAsTheSameKey() {
        admin.registerIssuer(issuerJson("REV"));
        Signer signer = Fixtures.signer("REV");
        admin.addSignerKey("REV", signerJson(signer));
        Map<String, String> state = harness.stateAsText();

        String crlf = "\r\n  " + signer.pem().replace("\n", "\r\n") + "\r\n";
        admin.addSignerKey("REV", signerJson(signer.kid(), crlf, Fixtures.KEY_FROM, Fixtures.KEY_UNTIL));

        assertThat(harness.stateAsText()).isEqualTo(state);
    }

    @Test
    void theSameKidWithAnotherPeriodConflicts() {
        admin.registerIssuer(issuerJson("REV"));
        Signer signer = Fixtures.signer("REV");
        admin.addSignerKey("REV", signerJson(signer));
        harness.refused(ErrorCode.CONFLICT, () -> admin.addSignerKey("REV", signerJson(signer.kid(), signer.pem(),
                Fixtures.KEY_FROM, Instant.parse("2027-01-01T00:00:00Z"))));
    }

    @Test
    void aSignerKeyMustMatchItsCertificate() {
        admin.registerIssuer(issuerJson("REV"));
        Signer signer = Fixtures.signer("REV");
        Signer other = Fixtures.signer("REV");

        String wrongKid = harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV",
                signerJson(other.kid(), signer.pem(), Fixtures.KEY_FROM, Fixtures.KEY_UNTIL))).getMessage();
        assertThat(wrongKid).contains("does not match the certificate").contains(signer.kid());

        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV", signerJson(signer.kid(),
                signer.pem(), Instant.parse("2024-01-01T00:00:00Z"), Fixtures.KEY_UNTIL)));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV", signerJson(signer.kid(),
                signer.pem(), Fixtures.KEY_UNTIL, Fixtures.KEY_FROM)));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV", signerJson(signer.kid(),
                "not a certificate", Fixtures.KEY_FROM, Fixtures.KEY_UNTIL)));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV", signerJson(signer.kid(),
                signer.pem() + other.pem(), Fixtures.KEY_FROM, Fixtures.KEY_UNTIL)));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.addSignerKey("REV", signerJson(signer.kid(),
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", Fixtures.KEY_FROM, Fixtures.KEY_UNTIL)));
    }

    @Test
    void keysAreAddedOnlyToRegisteredDepartments() {
        harness.refused(ErrorCode.NOT_FOUND, () -> admin.addSignerKey("EDU", signerJson(Fixtures.signer("EDU"))));
    }

    @Test
    void aRevokedKeyKeepsItsHistoryAndRepeatingTheRevocationChangesNothing() {
        Signer signer = Fixtures.registerDepartment(harness, "REV");

        JsonNode issuer = parse(admin.revokeSignerKey("REV", signer.kid(), "2026-02-15T00:00:00Z", "KEY_COMPROMISE"));

        JsonNode key = issuer.get("signers").get(0);
        assertThat(key.get("revokedFrom").asText()).isEqualTo("2026-02-15T00:00:00Z");
        assertThat(key.get("revocationReason").asText()).isEqualTo("KEY_COMPROMISE");
        assertThat(harness.lastEvent().orElseThrow().payloadText()).contains("SIGNER_REVOKED").contains(signer.kid());

        Map<String, String> state = harness.stateAsText();
        admin.revokeSignerKey("REV", signer.kid(), "2026-02-15T00:00:00Z", "KEY_COMPROMISE");
        assertThat(harness.stateAsText()).isEqualTo(state);
        assertThat(harness.lastEvent()).isEmpty();

        harness.refused(ErrorCode.CONFLICT,
                () -> admin.revokeSignerKey("REV", signer.kid(), "2026-02-16T00:00:00Z", "KEY_COMPROMISE"));
    }

    @Test
    void revokingAnUnknownKeyOrWithBadArgumentsIsRefused() {
        Signer signer = Fixtures.registerDepartment(harness, "REV");
        harness.refused(ErrorCode.NOT_FOUND,
                () -> admin.revokeSignerKey("REV", Fixtures.signer("REV").kid(), "2026-02-15T00:00:00Z", "RETIRED"));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> admin.revokeSignerKey("REV", signer.kid(), "15 Feb 2026", "RETIRED"));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> admin.revokeSignerKey("REV", signer.kid().toUpperCase(), "2026-02-15T00:00:00Z", "RETIRED"));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> admin.revokeSignerKey("REV", signer.kid(), "2026-02-15T00:00:00Z", ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> admin.revokeSignerKey("REV", signer.kid(), "2026-02-15T00:00:00Z", "key leaked by clerk R. Kumar"));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> admin.revokeSignerKey("REV", signer.kid(), "2026-02-15T00:00:00Z", "key_compromise"));
    }

    @Test
    void aSuspensionTakesACodeAndNeverText() {
        admin.registerIssuer(issuerJson("REV"));
        Map<String, String> state = harness.stateAsText();

        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.suspendIssuer("REV", "audit of officer Ravi Kumar"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.suspendIssuer("REV", "under_review"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.suspendIssuer("REV", ""));

        assertThat(harness.stateAsText()).isEqualTo(state);
        for (String code : new String[] {"UNDER_REVIEW", "MERGED", "DISSOLVED", "OTHER"}) {
            assertThat(parse(admin.suspendIssuer("REV", code)).get("suspensionReason").asText()).isEqualTo(code);
            admin.reinstateIssuer("REV");
        }
    }

    @Test
    void suspendAndReinstateAreAnnouncedOnceEach() {
        admin.registerIssuer(issuerJson("REV"));

        JsonNode suspended = parse(admin.suspendIssuer("REV", "UNDER_REVIEW"));
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("suspensionReason").asText()).isEqualTo("UNDER_REVIEW");
        assertThat(harness.lastEvent().orElseThrow().payloadText())
                .isEqualTo("{\"department\":\"REV\",\"change\":\"SUSPENDED\"}");

        admin.suspendIssuer("REV", "UNDER_REVIEW");
        assertThat(harness.lastEvent()).isEmpty();
        harness.refused(ErrorCode.CONFLICT, () -> admin.suspendIssuer("REV", "MERGED"));

        JsonNode reinstated = parse(admin.reinstateIssuer("REV"));
        assertThat(reinstated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(reinstated.has("suspensionReason")).isFalse();
        assertThat(harness.lastEvent().orElseThrow().payloadText()).contains("REINSTATED");

        admin.reinstateIssuer("REV");
        assertThat(harness.lastEvent()).isEmpty();
        harness.refused(ErrorCode.NOT_FOUND, () -> admin.suspendIssuer("EDU", "UNDER_REVIEW"));
    }

    @Test
    void readingAnUnknownDepartmentIsNotFound() {
        harness.refused(ErrorCode.NOT_FOUND, () -> admin.readIssuer("EDU"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> admin.readIssuer("edu"));
    }

    @Test
    void departmentsAreListedInPagesFollowingTheBookmark() {
        for (String department : List.of("TRANS", "REV", "HLTH", "EDU", "AGRI")) {
            admin.registerIssuer(issuerJson(department));
        }
        Session anyone = harness.as(TestIdentity.withoutAttributes("citizen"));

        JsonNode first = parse(anyone.listIssuers("2", ""));
        assertThat(departments(first)).containsExactly("AGRI", "EDU");
        assertThat(first.get("bookmark").asText()).isEqualTo("HLTH");

        JsonNode second = parse(anyone.listIssuers("2", first.get("bookmark").asText()));
        assertThat(departments(second)).containsExactly("HLTH", "REV");

        JsonNode last = parse(anyone.listIssuers("2", second.get("bookmark").asText()));
        assertThat(departments(last)).containsExactly("TRANS");
        assertThat(last.get("bookmark").asText()).isEmpty();

        assertThat(departments(parse(anyone.listIssuers("100", "")))).hasSize(5);
    }

    @Test
    void listingIsBounded() {
        Session anyone = harness.as(TestIdentity.withoutAttributes("citizen"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> anyone.listIssuers("0", ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> anyone.listIssuers("101", ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> anyone.listIssuers("ten", ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> anyone.listIssuers("10", "\u0000CERT\u0000"));
    }

    private static List<String> departments(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.get("issuers").forEach(i -> codes.add(i.get("department").asText()));
        return codes;
    }
}
