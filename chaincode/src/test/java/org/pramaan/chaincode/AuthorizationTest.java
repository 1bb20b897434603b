package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.issuerJson;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.signerJson;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Fixtures.Signer;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;

/** Every access rule, shown by the call it refuses; each refusal must also leave the ledger as it was. */
class AuthorizationTest {

    private static final TestIdentity ADMIN = TestIdentity.admin();
    private static final TestIdentity REV_ISSUER = TestIdentity.issuer("REV");
    private static final TestIdentity HEALTH_ISSUER = TestIdentity.issuer("HLTH");

    private ContractHarness harness;
    private Signer revSigner;
    private Signer healthSigner;
    private String revId;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness();
        revSigner = Fixtures.registerDepartment(harness, "REV");
        healthSigner = Fixtures.registerDepartment(harness, "HLTH");
        revId = newId("REV", "INC");
        harness.as(REV_ISSUER).issueCertificates(batch(entry(revId, hash("a"), revSigner.kid())));
    }

    static Stream<Arguments> notAdmins() {
        return Stream.of(
                Arguments.of("an issuer", REV_ISSUER),
                Arguments.of("an identity without attributes", TestIdentity.withoutAttributes("plain")),
                Arguments.of("an identity with malformed attributes",
                        TestIdentity.withAttributes("garbled", TestIdentity.GOV_MSP, "{\"attrs\":{\"role\":\"admin\"")),
                Arguments.of("an identity whose role is not text",
                        TestIdentity.withAttributes("listed", TestIdentity.GOV_MSP, "{\"attrs\":{\"role\":[\"admin\"]}}")),
                Arguments.of("an identity with role 'Admin'",
                        TestIdentity.withAttributes("capital", TestIdentity.GOV_MSP, "{\"attrs\":{\"role\":\"Admin\"}}")),
                Arguments.of("an identity with the attribute outside 'attrs'",
                        TestIdentity.withAttributes("flat", TestIdentity.GOV_MSP, "{\"role\":\"admin\"}")));
    }

    static Stream<Arguments> adminTransactions() {
        Signer other = Fixtures.signer("REV");
        return Stream.of(
                Arguments.of("RegisterIssuer", (Consumer<Session>) s -> s.registerIssuer(issuerJson("EDU"))),
                Arguments.of("AddSignerKey", (Consumer<Session>) s -> s.addSignerKey("REV", signerJson(other))),
                Arguments.of("RevokeSignerKey", (Consumer<Session>) s -> s.revokeSignerKey("REV", other.kid(),
                        "2026-02-01T00:00:00Z", "KEY_COMPROMISE")),
                Arguments.of("SuspendIssuer", (Consumer<Session>) s -> s.suspendIssuer("REV", "UNDER_REVIEW")),
                Arguments.of("ReinstateIssuer", (Consumer<Session>) s -> s.reinstateIssuer("REV")));
    }

    static Stream<Arguments> everyAdminTransactionByEveryNonAdmin() {
        List<Arguments> transactions = adminTransactions().toList();
        return notAdmins().flatMap(who -> transactions.stream().map(tx -> Arguments.of(
                tx.get()[0] + " by " + who.get()[0], who.get()[1], tx.get()[1])));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("everyAdminTransactionByEveryNonAdmin")
    void onlyAdminsAdministerDepartments(String description, TestIdentity caller, Consumer<Session> transaction) {
        ContractException refusal = harness.refused(ErrorCode.FORBIDDEN, () -> transaction.accept(harness.as(caller)));
        assertThat(refusal.getMessage()).startsWith("FORBIDDEN: ").contains("role=admin").contains("GovMSP");
    }

    @Test
    void anAdminCannotIssueOrRevoke() {
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(ADMIN).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid()))));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(ADMIN).revokeCertificate(revId, "FRAUD"));
    }

    @Test
    void anIssuerCannotIssueForAnotherDepartment() {
        String refusal = harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(HEALTH_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid())))).getMessage();
        assertThat(refusal).contains("HLTH").contains("REV");
    }

    @Test
    void oneForeignCertificateRefusesTheWholeBatch() {
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(REV_ISSUER).issueCertificates(batch(
                entry(newId("REV", "INC"), hash("b"), revSigner.kid()),
                entry(newId("HLTH", "BIRTH"), hash("c"), healthSigner.kid()))));
    }

    @Test
    void anIssuerCannotRevokeAnotherDepartmentsCertificate() {
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(HEALTH_ISSUER).revokeCertificate(revId, "FRAUD"));
        assertThat(harness.as(HEALTH_ISSUER).readCertificate(revId)).contains("\"status\":\"ACTIVE\"");
    }

    static Stream<Arguments> notIssuers() {
        return Stream.of(
                Arguments.of("no attributes", TestIdentity.withoutAttributes("plain")),
                Arguments.of("role issuer without dept",
                        TestIdentity.withAttributes("nodept", TestIdentity.GOV_MSP, "{\"attrs\":{\"role\":\"issuer\"}}")),
                Arguments.of("dept without role",
                        TestIdentity.withAttributes("norole", TestIdentity.GOV_MSP, "{\"attrs\":{\"dept\":\"REV\"}}")),
                Arguments.of("a lower-case dept", TestIdentity.withAttributes("lower", TestIdentity.GOV_MSP,
                        "{\"attrs\":{\"dept\":\"rev\",\"role\":\"issuer\"}}")),
                Arguments.of("a dept that is no department code", TestIdentity.withAttributes("spaced",
                        TestIdentity.GOV_MSP, "{\"attrs\":{\"dept\":\"REV \",\"role\":\"issuer\"}}")),
                Arguments.of("malformed attribute JSON", TestIdentity.withAttributes("broken", TestIdentity.GOV_MSP,
                        "dept=REV,role=issuer")));
    }

    @ParameterizedTest(name = "an identity with {0} cannot issue or revoke")
    @MethodSource("notIssuers")
    void identitiesWithoutAWellFormedIssuerAttributeAreRefused(String description, TestIdentity caller) {
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(caller).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid()))));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(caller).revokeCertificate(revId, "FRAUD"));
    }

    @Test
    void aSuspendedDepartmentCannotIssueOrRevoke() {
        harness.as(ADMIN).suspendIssuer("REV", "UNDER_REVIEW");
        String refusal = harness.refused(ErrorCode.ISSUER_INACTIVE, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid())))).getMessage();
        assertThat(refusal).contains("REV").contains("UNDER_REVIEW");
        harness.refused(ErrorCode.ISSUER_INACTIVE, () -> harness.as(REV_ISSUER).revokeCertificate(revId, "FRAUD"));

        harness.as(ADMIN).reinstateIssuer("REV");
        harness.as(REV_ISSUER).issueCertificates(batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid())));
    }

    @Test
    void anUnregisteredDepartmentCannotIssue() {
        TestIdentity education = TestIdentity.issuer("EDU");
        harness.refused(ErrorCode.NOT_FOUND, () -> harness.as(education).issueCertificates(
                batch(entry(newId("EDU", "MARKS"), hash("b"), revSigner.kid()))));
    }

    @Test
    void aKidNotRegisteredForTheDepartmentIsRefused() {
        String unknown = Fixtures.signer("REV").kid();
        String refusal = harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), unknown)))).getMessage();
        assertThat(refusal).contains(unknown).contains("not registered");
    }

    @Test
    void anotherDepartmentsKidIsRefused() {
        harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), healthSigner.kid()))));
    }

    @Test
    void aRevokedKidIsRefusedFromItsRevocationInstantOn() {
        Instant revokedFrom = harness.now().plus(Duration.ofDays(1));
        harness.as(ADMIN).revokeSignerKey("REV", revSigner.kid(), revokedFrom.toString(), "RETIRED");
        harness.as(REV_ISSUER).issueCertificates(batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid())));

        harness.setTime(revokedFrom);
        String refusal = harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("c"), revSigner.kid())))).getMessage();
        assertThat(refusal).contains("revoked from " + revokedFrom);
    }

    @Test
    void aKidBackdatedAsCompromisedIsRefusedAtOnce() {
        harness.as(ADMIN).revokeSignerKey("REV", revSigner.kid(), "2026-02-01T00:00:00Z", "KEY_COMPROMISE");
        harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), revSigner.kid()))));
    }

    @Test
    void aKidIsRefusedOutsideItsValidity() {
        Signer later = Fixtures.signer("REV");
        harness.as(ADMIN).addSignerKey("REV", signerJson(later.kid(), later.pem(),
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
        harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("b"), later.kid()))));

        harness.setTime(Instant.parse("2026-06-01T00:00:00Z"));
        harness.as(REV_ISSUER).issueCertificates(batch(entry(newId("REV", "INC"), hash("b"), later.kid())));

        harness.setTime(Instant.parse("2027-01-01T00:00:00Z"));
        String refusal = harness.refused(ErrorCode.KEY_NOT_VALID, () -> harness.as(REV_ISSUER).issueCertificates(
                batch(entry(newId("REV", "INC"), hash("c"), later.kid())))).getMessage();
        assertThat(refusal).contains("expired");
    }

    @Test
    void anyoneOnTheChannelMayRead() {
        TestIdentity auditor = TestIdentity.withAttributes("auditor", "AuditMSP", null);
        assertThat(harness.as(auditor).readCertificate(revId)).contains(revId);
        assertThat(harness.as(auditor).verifyCertificate(revId, hash("a"))).contains("\"result\":\"VALID\"");
        assertThat(harness.as(auditor).certificateHistory(revId)).contains(revId);
        assertThat(harness.as(auditor).readIssuer("REV")).contains("\"department\":\"REV\"");
        assertThat(harness.as(auditor).listIssuers("10", "")).contains("HLTH").contains("REV");
    }
}
