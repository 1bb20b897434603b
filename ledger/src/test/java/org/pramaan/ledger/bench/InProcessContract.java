package org.pramaan.ledger.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.pramaan.chaincode.CertificateContract;
import org.pramaan.chaincode.ContractSettings;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.IssueBatch;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * The contract in this JVM, driven as the shim's Contract API drives it on a peer: a {@link Context} made by the
 * contract ({@code createContext}) over a fresh stub per transaction, {@code beforeTransaction}, the transaction
 * method with its string arguments, {@code afterTransaction}, then the write set applied (or dropped on a throw).
 * The caller's side is the same as {@code ContractLedger}'s: the batch written as JSON, the answer read back.
 */
final class InProcessContract {

    private final CertificateContract contract = new CertificateContract(ContractSettings.defaults());
    private final TreeMap<String, byte[]> state = new TreeMap<>();
    private final Map<String, List<KeyModification>> history = new HashMap<>();
    private long transactions;

    void registerDepartment(LedgerIdentity admin, IssuerRegistration department, SignerRegistration signer) {
        run(admin, "RegisterIssuer", List.of(Json.writeString(department)),
                (ctx, args) -> contract.registerIssuer(ctx, args.get(0)));
        run(admin, "AddSignerKey", List.of(department.department().toString(), Json.writeString(signer)),
                (ctx, args) -> contract.addSignerKey(ctx, args.get(0), args.get(1)));
    }

    /** One {@code IssueCertificates} transaction, committed. */
    IssueOutcome issue(LedgerIdentity issuer, List<CertificateRequest> certificates) {
        String answer = run(issuer, "IssueCertificates", List.of(Json.writeString(new IssueBatch(certificates))),
                (ctx, args) -> contract.issueCertificates(ctx, args.get(0)));
        return Json.readArgument(answer, IssueOutcome.class, "IssueCertificates answer");
    }

    int stateSize() {
        return state.size();
    }

    private String run(LedgerIdentity caller, String function, List<String> arguments,
                       BiFunction<Context, List<String>, String> method) {
        List<String> proposal = new ArrayList<>();
        proposal.add(function);
        proposal.addAll(arguments);
        BaselineStub stub = new BaselineStub(state, history, String.format("%064x", ++transactions), Instant.now(),
                caller.serialized(), proposal);
        Context ctx = contract.createContext(stub);
        contract.beforeTransaction(ctx);
        String result = method.apply(ctx, arguments);
        contract.afterTransaction(ctx, result);
        stub.commit();
        return result;
    }
}
