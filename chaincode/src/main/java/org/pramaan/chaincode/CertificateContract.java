package org.pramaan.chaincode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.pramaan.chaincode.certificate.Certificates;
import org.pramaan.chaincode.core.Arguments;
import org.pramaan.chaincode.core.Caller;
import org.pramaan.chaincode.core.ContractException;
import org.pramaan.chaincode.core.Page;
import org.pramaan.chaincode.core.WorldState;
import org.pramaan.chaincode.issuer.Issuers;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.IssueBatch;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.RevocationReason;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.IssuerListing;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.contract.issuer.SuspensionCode;

/**
 * The Pramaan certificate contract: departments and their signer keys (administrators), the
 * anchoring and revocation of certificates (each department's issuers), and the public reads.
 *
 * <p>Arguments are plain strings, JSON where structured, so that the contract's own strict parsing
 * applies rather than the shim's. Answers are deterministic JSON. A refusal is a
 * {@link ContractException} whose payload is the {@link ErrorCode}: every method runs its body in
 * {@link ContractException#refusing}, which turns the records' {@code ContractViolation} into it.
 * Every method checks who calls before it reads anything.
 *
 * <p>No transaction takes free text that the ledger would keep: a revocation, a signer key's
 * revocation and a suspension take a code from a closed list, because whatever reaches the world
 * state, the history and the blocks is copied to every peer and can never be erased.
 */
@Contract(name = "pramaan", info = @Info(title = "Pramaan certificates", version = "0.1.0",
        description = "Anchors government certificates: ids, claims hashes, signer keys, status",
        license = @License(name = "Apache-2.0"), contact = @Contact(name = "Pramaan")))
@Default
public final class CertificateContract implements ContractInterface {

    private final ContractSettings settings;

    /** The constructor the chaincode server uses, once per transaction; settings come from its environment. */
    public CertificateContract() {
        this(ContractSettings.ofProcess());
    }

    public CertificateContract(ContractSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Transaction(name = "RegisterIssuer", intent = Transaction.TYPE.SUBMIT)
    public String registerIssuer(Context ctx, String issuerJson) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 1);
            Caller.of(ctx).requireAdmin("register departments");
            IssuerRegistration registration = Json.readArgument(issuerJson, IssuerRegistration.class, "issuerJson");
            return Json.writeString(issuers(ctx).register(registration));
        });
    }

    @Transaction(name = "AddSignerKey", intent = Transaction.TYPE.SUBMIT)
    public String addSignerKey(Context ctx, String department, String signerJson) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 2);
            Caller.of(ctx).requireAdmin("add signer keys");
            DepartmentCode code = DepartmentCode.of(department);
            SignerRegistration signer = Json.readArgument(signerJson, SignerRegistration.class, "signerJson");
            return Json.writeString(issuers(ctx).addSigner(code, signer));
        });
    }

    @Transaction(name = "RevokeSignerKey", intent = Transaction.TYPE.SUBMIT)
    public String revokeSignerKey(Context ctx, String department, String kid, String revokedFrom, String reasonCode) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 4);
            Caller.of(ctx).requireAdmin("revoke signer keys");
            DepartmentCode code = DepartmentCode.of(department);
            KeyId keyId = KeyId.of(kid);
            Instant from = instant(revokedFrom, "revokedFrom");
            SignerRevocationCode reason = SignerRevocationCode.parse(reasonCode);
            return Json.writeString(issuers(ctx).revokeSigner(code, keyId, from, reason));
        });
    }

    @Transaction(name = "SuspendIssuer", intent = Transaction.TYPE.SUBMIT)
    public String suspendIssuer(Context ctx, String department, String reasonCode) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 2);
            Caller.of(ctx).requireAdmin("suspend departments");
            DepartmentCode code = DepartmentCode.of(department);
            return Json.writeString(issuers(ctx).suspend(code, SuspensionCode.parse(reasonCode)));
        });
    }

    @Transaction(name = "ReinstateIssuer", intent = Transaction.TYPE.SUBMIT)
    public String reinstateIssuer(Context ctx, String department) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 1);
            Caller.of(ctx).requireAdmin("reinstate departments");
            return Json.writeString(issuers(ctx).reinstate(DepartmentCode.of(department)));
        });
    }

    @Transaction(name = "IssueCertificates", intent = Transaction.TYPE.SUBMIT)
    public String issueCertificates(Context ctx, String batchJson) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 1);
            DepartmentCode department = Caller.of(ctx).requireIssuer("issue certificates");
            IssueBatch batch = Json.readArgument(batchJson, IssueBatch.class, "batchJson");
            return Json.writeString(certificates(ctx).issue(department, batch, settings.maxBatch()));
        });
    }

    @Transaction(name = "RevokeCertificate", intent = Transaction.TYPE.SUBMIT)
    public String revokeCertificate(Context ctx, String id, String reasonCode) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 2);
            Caller caller = Caller.of(ctx);
            caller.requireIssuer("revoke certificates");
            CertificateId certificateId = CertificateId.of(id);
            caller.requireIssuerOf(certificateId.department(), "revoke certificates");
            RevocationReason reason = new RevocationReason(ReasonCode.parse(reasonCode));
            return Json.writeString(certificates(ctx).revoke(certificateId, reason));
        });
    }

    /** Supersedes a certificate by its re-issued replacement (same department, anchored, active). */
    @Transaction(name = "SupersedeCertificate", intent = Transaction.TYPE.SUBMIT)
    public String supersedeCertificate(Context ctx, String id, String replacementId) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 2);
            CertificateId certificateId = issuerOf(ctx, id, "supersede certificates");
            return Json.writeString(certificates(ctx).supersede(certificateId, CertificateId.of(replacementId)));
        });
    }

    /** Puts a certificate on hold while its department checks it: verifiers answer ON_HOLD until it decides. */
    @Transaction(name = "HoldCertificate", intent = Transaction.TYPE.SUBMIT)
    public String holdCertificate(Context ctx, String id, String holdCode) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 2);
            CertificateId certificateId = issuerOf(ctx, id, "put certificates on hold");
            return Json.writeString(certificates(ctx).hold(certificateId, HoldCode.parse(holdCode)));
        });
    }

    /** Lifts a hold: the certificate is active again. Revoking a held certificate is RevokeCertificate. */
    @Transaction(name = "ReleaseCertificate", intent = Transaction.TYPE.SUBMIT)
    public String releaseCertificate(Context ctx, String id) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 1);
            CertificateId certificateId = issuerOf(ctx, id, "release certificates");
            return Json.writeString(certificates(ctx).release(certificateId));
        });
    }

    @Transaction(name = "ReadCertificate", intent = Transaction.TYPE.EVALUATE)
    public String readCertificate(Context ctx, String id) {
        return ContractException.refusing(() -> {
            return Json.writeString(certificates(ctx).read(CertificateId.of(id)));
        });
    }

    @Transaction(name = "VerifyCertificate", intent = Transaction.TYPE.EVALUATE)
    public String verifyCertificate(Context ctx, String id, String claimsHash) {
        return ContractException.refusing(() -> {
            CertificateId certificateId = CertificateId.of(id);
            ClaimsHash presented = ClaimsHash.of(claimsHash);
            return Json.writeString(certificates(ctx).verify(certificateId, presented));
        });
    }

    @Transaction(name = "CertificateHistory", intent = Transaction.TYPE.EVALUATE)
    public String certificateHistory(Context ctx, String id) {
        return ContractException.refusing(() -> {
            return Json.writeString(certificates(ctx).history(CertificateId.of(id)));
        });
    }

    /**
     * One department's certificate records in id order: {@code {"certificates":[...],"bookmark":"..."}}.
     * Pass an empty bookmark for the first page and the returned one for the next; an empty one
     * comes back on the last page. Only the administrator, the auditor and the department's issuers
     * may list, since a listing enumerates ids.
     */
    @Transaction(name = "ListCertificates", intent = Transaction.TYPE.EVALUATE)
    public String listCertificates(Context ctx, String department, String pageSize, String bookmark) {
        return ContractException.refusing(() -> {
            Arguments.atMost(ctx, 3);
            DepartmentCode code = DepartmentCode.of(department);
            Caller.of(ctx).requireReaderOf(code, "list certificates");
            Page<byte[]> page = certificates(ctx).list(code, pageSize(pageSize), bookmark == null ? "" : bookmark);
            // The shape of CertificateListing, with each record as stored: decoding and re-encoding
            // thousands of records per page was most of the listing's cost, and gave the same bytes.
            StringBuilder answer = new StringBuilder(page.items().size() * 420 + 64).append("{\"certificates\":[");
            for (int i = 0; i < page.items().size(); i++) {
                answer.append(i == 0 ? "" : ",").append(new String(page.items().get(i), StandardCharsets.UTF_8));
            }
            return answer.append("],\"bookmark\":").append(Json.writeString(page.bookmark())).append('}').toString();
        });
    }

    @Transaction(name = "ReadIssuer", intent = Transaction.TYPE.EVALUATE)
    public String readIssuer(Context ctx, String department) {
        return ContractException.refusing(() -> {
            return Json.writeString(issuers(ctx).get(DepartmentCode.of(department)));
        });
    }

    /**
     * Departments in code order: {@code {"issuers":[...],"bookmark":"..."}}. Pass an empty bookmark
     * for the first page and the returned one for the next; an empty one comes back on the last page.
     */
    @Transaction(name = "ListIssuers", intent = Transaction.TYPE.EVALUATE)
    public String listIssuers(Context ctx, String pageSize, String bookmark) {
        return ContractException.refusing(() -> {
            Page<IssuerRecord> page = issuers(ctx).list(pageSize(pageSize), bookmark == null ? "" : bookmark);
            return Json.writeString(new IssuerListing(page.items(), page.bookmark()));
        });
    }

    @Override
    public void unknownTransaction(Context ctx) {
        throw ContractException.of(ErrorCode.INVALID_ARGUMENT.exception(
                "the contract has no transaction '" + ctx.getStub().getFunction() + "'"));
    }

    /** The certificate id, once the caller is known to be an issuer of its department. */
    private static CertificateId issuerOf(Context ctx, String id, String action) {
        Caller caller = Caller.of(ctx);
        caller.requireIssuer(action);
        CertificateId certificateId = CertificateId.of(id);
        caller.requireIssuerOf(certificateId.department(), action);
        return certificateId;
    }

    private static Issuers issuers(Context ctx) {
        return new Issuers(new WorldState(ctx.getStub()));
    }

    private static Certificates certificates(Context ctx) {
        WorldState state = new WorldState(ctx.getStub());
        return new Certificates(state, new Issuers(state));
    }

    private static Instant instant(String text, String field) {
        Checks.present(text, field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z: '" + text + "'");
        }
    }

    private static int pageSize(String text) {
        Checks.present(text, "pageSize");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ErrorCode.INVALID_ARGUMENT.exception("pageSize must be a whole number: '" + text + "'");
        }
    }
}
