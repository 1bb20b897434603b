package org.pramaan.chaincode.testing;

import org.pramaan.chaincode.CertificateContract;

/** The contract's transactions as one caller submits or evaluates them, each returning the contract's JSON. */
public final class Session {

    private final ContractHarness harness;
    private final TestIdentity caller;

    Session(ContractHarness harness, TestIdentity caller) {
        this.harness = harness;
        this.caller = caller;
    }

    public String registerIssuer(String issuerJson) {
        return harness.submit(caller, "RegisterIssuer", ctx -> contract().registerIssuer(ctx, issuerJson));
    }

    public String addSignerKey(String department, String signerJson) {
        return harness.submit(caller, "AddSignerKey", ctx -> contract().addSignerKey(ctx, department, signerJson));
    }

    public String revokeSignerKey(String department, String kid, String revokedFrom, String reasonCode) {
        return harness.submit(caller, "RevokeSignerKey",
                ctx -> contract().revokeSignerKey(ctx, department, kid, revokedFrom, reasonCode));
    }

    public String suspendIssuer(String department, String reasonCode) {
        return harness.submit(caller, "SuspendIssuer", ctx -> contract().suspendIssuer(ctx, department, reasonCode));
    }

    public String reinstateIssuer(String department) {
        return harness.submit(caller, "ReinstateIssuer", ctx -> contract().reinstateIssuer(ctx, department));
    }

    public String issueCertificates(String batchJson) {
        return harness.submit(caller, "IssueCertificates", ctx -> contract().issueCertificates(ctx, batchJson));
    }

    public String revokeCertificate(String id, String reasonCode) {
        return harness.submit(caller, "RevokeCertificate", ctx -> contract().revokeCertificate(ctx, id, reasonCode));
    }

    public String holdCertificate(String id, String holdCode) {
        return harness.submit(caller, "HoldCertificate", ctx -> contract().holdCertificate(ctx, id, holdCode));
    }

    public String supersedeCertificate(String id, String replacementId) {
        return harness.submit(caller, "SupersedeCertificate",
                ctx -> contract().supersedeCertificate(ctx, id, replacementId));
    }

    public String releaseCertificate(String id) {
        return harness.submit(caller, "ReleaseCertificate", ctx -> contract().releaseCertificate(ctx, id));
    }

    public String readCertificate(String id) {
        return harness.evaluate(caller, "ReadCertificate", ctx -> contract().readCertificate(ctx, id));
    }

    public String verifyCertificate(String id, String claimsHash) {
        return harness.evaluate(caller, "VerifyCertificate", ctx -> contract().verifyCertificate(ctx, id, claimsHash));
    }

    public String certificateHistory(String id) {
        return harness.evaluate(caller, "CertificateHistory", ctx -> contract().certificateHistory(ctx, id));
    }

    public String readIssuer(String department) {
        return harness.evaluate(caller, "ReadIssuer", ctx -> contract().readIssuer(ctx, department));
    }

    public String listIssuers(String pageSize, String bookmark) {
        return harness.evaluate(caller, "ListIssuers", ctx -> contract().listIssuers(ctx, pageSize, bookmark));
    }

    public String listCertificates(String department, String pageSize, String bookmark) {
        return harness.evaluate(caller, "ListCertificates",
                ctx -> contract().listCertificates(ctx, department, pageSize, bookmark));
    }

    private CertificateContract contract() {
        return harness.contract();
    }
}
