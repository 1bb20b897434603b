package org.pramaan.chaincode.certificate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pramaan.chaincode.core.Page;
import org.pramaan.chaincode.core.WorldState;
import org.pramaan.chaincode.issuer.Issuers;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.IssueBatch;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.certificate.RevocationReason;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;

/**
 * Anchoring, revoking and reading certificates. The caller's identity has been checked before;
 * what is checked here needs the ledger: the department's standing, its signer keys, and what is
 * already anchored.
 *
 * <p>Issuing is idempotent per certificate, because the anchoring worker retries a batch whose
 * outcome it did not learn: an id already anchored with the same content counts as done, with any
 * other content as a conflict that fails the whole batch.
 */
public final class Certificates {

    public static final String OBJECT_TYPE = "CERT";
    /** Most records one listing page returns: bounds the answer's size (about 400 bytes a record). */
    public static final int MAX_PAGE_SIZE = 5000;

    private final WorldState state;
    private final Issuers issuers;

    public Certificates(WorldState state, Issuers issuers) {
        this.state = Objects.requireNonNull(state, "state");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
    }

    /** Anchors a batch for {@code department}; every certificate in it must belong to that department. */
    public IssueOutcome issue(DepartmentCode department, IssueBatch batch, int maxBatch) {
        List<CertificateRequest> requests = batch.certificates();
        if (requests.isEmpty()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("the batch holds no certificates");
        }
        if (requests.size() > maxBatch) {
            throw ErrorCode.BATCH_TOO_LARGE.exception("the batch holds " + requests.size()
                    + " certificates; at most " + maxBatch + " go in one transaction");
        }
        Set<CertificateId> seen = new HashSet<>();
        for (CertificateRequest request : requests) {
            if (!seen.add(request.id())) {
                throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + request.id() + " appears twice in the batch");
            }
            if (!request.department().equals(department)) {
                throw ErrorCode.FORBIDDEN.exception("an issuer for " + department + " may not issue certificate "
                        + request.id() + " of department " + request.department());
            }
        }
        IssuerRecord issuer = activeIssuer(department);
        Instant now = state.now();

        Map<String, CertificateRecord> writes = new LinkedHashMap<>();
        List<CertificateId> unchanged = new ArrayList<>();
        for (CertificateRequest request : requests) {
            String key = key(request.id());
            Optional<CertificateRecord> existing = state.read(key, CertificateRecord.class);
            if (existing.isPresent()) {
                requireSameIssue(existing.get(), request);
                unchanged.add(request.id());
                continue;
            }
            if (!request.validUntil().isAfter(now)) {
                throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + request.id() + ": validUntil "
                        + request.validUntil() + " is not after the transaction time " + now);
            }
            requireUsableKey(issuer, request, now);
            writes.put(key, CertificateRecord.issue(request, now));
        }

        List<CertificateId> issued = new ArrayList<>();
        List<CertificateEvents.Anchored> anchored = new ArrayList<>();
        writes.forEach((key, record) -> {
            state.write(key, record);
            issued.add(record.id());
            anchored.add(new CertificateEvents.Anchored(record.id(), record.claimsHash(), record.validUntil()));
        });
        if (!issued.isEmpty()) {
            state.emit(CertificateEvents.ISSUED, new CertificateEvents.Issued(department, issued, now, anchored));
        }
        return new IssueOutcome(department, issued, unchanged);
    }

    /** Revokes a certificate; the caller has checked that it may act for the id's department. */
    public CertificateRecord revoke(CertificateId id, RevocationReason reason) {
        activeIssuer(id.department());
        CertificateRecord current = read(id);
        CertificateRecord updated = current.revoke(reason, state.now());
        if (updated != current) {
            state.write(key(id), updated);
            state.emit(CertificateEvents.REVOKED, new CertificateEvents.Revoked(id, updated.department(),
                    updated.status(), reason.code(), updated.revokedAt()));
        }
        return updated;
    }

    /**
     * Supersedes a certificate by its replacement, which must be anchored, of the same department,
     * and active: the old record becomes SUPERSEDED and names it, so a verifier can point there.
     */
    public CertificateRecord supersede(CertificateId id, CertificateId replacement) {
        activeIssuer(id.department());
        if (id.equals(replacement) || !replacement.department().equals(id.department())) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + id
                    + " can be superseded only by another certificate of its department, not " + replacement);
        }
        CertificateRecord current = read(id);
        CertificateRecord successor = read(replacement);
        if (!successor.isActive()) {
            throw ErrorCode.CONFLICT.exception("replacement " + replacement + " is " + successor.status()
                    + ", not ACTIVE");
        }
        CertificateRecord updated = current.supersede(replacement, state.now());
        if (updated != current) {
            state.write(key(id), updated);
            state.emit(CertificateEvents.REVOKED, new CertificateEvents.Revoked(id, updated.department(),
                    updated.status(), updated.revocationReason().code(), updated.revokedAt(), replacement));
        }
        return updated;
    }

    /** Puts a certificate on hold while its department checks it; the caller may act for the department. */
    public CertificateRecord hold(CertificateId id, HoldCode code) {
        activeIssuer(id.department());
        CertificateRecord current = read(id);
        CertificateRecord updated = current.hold(code, state.now());
        if (updated != current) {
            state.write(key(id), updated);
            state.emit(CertificateEvents.HELD, new CertificateEvents.Held(id, updated.department(), code,
                    updated.heldAt()));
        }
        return updated;
    }

    /** Lifts a hold; the certificate is active again. */
    public CertificateRecord release(CertificateId id) {
        activeIssuer(id.department());
        CertificateRecord current = read(id);
        CertificateRecord updated = current.release();
        if (updated != current) {
            state.write(key(id), updated);
            state.emit(CertificateEvents.RELEASED, new CertificateEvents.Released(id, updated.department(),
                    state.now()));
        }
        return updated;
    }

    public Optional<CertificateRecord> find(CertificateId id) {
        return state.read(key(id), CertificateRecord.class);
    }

    public CertificateRecord read(CertificateId id) {
        return find(id).orElseThrow(() -> ErrorCode.NOT_FOUND.exception("certificate " + id + " is not anchored"));
    }

    public Verification verify(CertificateId id, ClaimsHash presented) {
        return Verification.of(id, presented, find(id).orElse(null), state.now());
    }

    /**
     * One department's certificates in id order, {@code pageSize} at a time, from the id {@code from}
     * (empty for the first page): the auditor's batched read. Each record is its stored JSON, which
     * the contract wrote deterministically; the reader parses (and so checks) it.
     */
    public Page<byte[]> list(DepartmentCode department, int pageSize, String from) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ErrorCode.INVALID_ARGUMENT.exception("pageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        String start = "";
        if (!from.isEmpty()) {
            // A bookmark is a certificate id of the department; anything else could start the scan elsewhere.
            CertificateId id = CertificateId.of(from);
            if (!id.department().equals(department)) {
                throw ErrorCode.INVALID_ARGUMENT.exception("bookmark " + id + " is not a certificate of " + department);
            }
            start = id.value();
        }
        return state.pageWithin(OBJECT_TYPE, department.value() + "-", pageSize, start);
    }

    public CertificateHistory history(CertificateId id) {
        List<CertificateHistory.Entry> entries = new ArrayList<>();
        state.history(key(id), CertificateRecord.class).forEach(change -> entries.add(
                new CertificateHistory.Entry(change.txId(), change.timestamp(), change.deleted(), change.value())));
        if (entries.isEmpty()) {
            throw ErrorCode.NOT_FOUND.exception("certificate " + id + " has no history");
        }
        return new CertificateHistory(id, entries);
    }

    private IssuerRecord activeIssuer(DepartmentCode department) {
        IssuerRecord issuer = issuers.get(department);
        if (!issuer.isActive()) {
            throw ErrorCode.ISSUER_INACTIVE.exception("department " + department + " is suspended ("
                    + issuer.suspensionReason() + ")");
        }
        return issuer;
    }

    private static void requireSameIssue(CertificateRecord existing, CertificateRequest request) {
        if (!existing.claimsHash().equals(request.claimsHash())) {
            throw ErrorCode.CONFLICT.exception("certificate " + request.id() + " already anchored with another hash");
        }
        if (!existing.isIssueOf(request)) {
            throw ErrorCode.CONFLICT.exception("certificate " + request.id()
                    + " already anchored with the same hash but another kid or validUntil");
        }
    }

    private static void requireUsableKey(IssuerRecord issuer, CertificateRequest request, Instant now) {
        SignerKey key = issuer.signer(request.kid()).orElseThrow(() -> ErrorCode.KEY_NOT_VALID.exception(
                "kid " + request.kid() + " of certificate " + request.id() + " is not registered for department "
                        + issuer.department()));
        key.unusableAt(now).ifPresent(problem -> {
            throw ErrorCode.KEY_NOT_VALID.exception(problem + "; cannot anchor certificate " + request.id());
        });
    }

    private String key(CertificateId id) {
        return state.key(OBJECT_TYPE, id.value());
    }
}
