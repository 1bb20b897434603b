package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.KeyId;

/**
 * A department on the ledger (key {@code ISSUER~<dept>}): its names, whether it may issue, and its
 * signer keys ordered by kid. Every change returns a new record; a change that changes nothing
 * returns an equal record, which the caller takes as "no write, no event". A suspension's reason is
 * a {@link SuspensionCode}: the record is public and permanent, so it holds no one's words.
 */
@JsonPropertyOrder({"department", "names", "status", "suspensionReason", "signers"})
public record IssuerRecord(DepartmentCode department, IssuerNames names, IssuerStatus status,
                           SuspensionCode suspensionReason, List<SignerKey> signers) {

    public IssuerRecord {
        Checks.present(department, "department");
        Checks.present(names, "names");
        Checks.present(status, "status");
        if ((status == IssuerStatus.SUSPENDED) != (suspensionReason != null)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "department " + department + ": a suspension reason goes with status SUSPENDED only");
        }
        List<SignerKey> sorted = new ArrayList<>(signers == null ? List.of() : signers);
        sorted.sort(Comparator.comparing(SignerKey::kid));
        Set<KeyId> kids = new HashSet<>();
        for (SignerKey key : sorted) {
            if (!kids.add(key.kid())) {
                throw ErrorCode.INVALID_ARGUMENT.exception("department " + department + " lists kid " + key.kid() + " twice");
            }
        }
        signers = List.copyOf(sorted);
    }

    public static IssuerRecord register(IssuerRegistration registration) {
        return new IssuerRecord(registration.department(), registration.names(), IssuerStatus.ACTIVE, null, List.of());
    }

    public boolean isActive() {
        return status == IssuerStatus.ACTIVE;
    }

    public Optional<SignerKey> signer(KeyId kid) {
        return signers.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    public IssuerRecord withSigner(SignerKey key) {
        Optional<SignerKey> existing = signer(key.kid());
        if (existing.isPresent()) {
            if (existing.get().equals(key)) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("department " + department + " already has signer key " + key.kid()
                    + " with another certificate or period");
        }
        List<SignerKey> more = new ArrayList<>(signers);
        more.add(key);
        return new IssuerRecord(department, names, status, suspensionReason, more);
    }

    public IssuerRecord withSignerRevoked(KeyId kid, Instant from, SignerRevocationCode reason) {
        SignerKey key = signer(kid).orElseThrow(() -> ErrorCode.NOT_FOUND.exception(
                "department " + department + " has no signer key " + kid));
        SignerKey revoked = key.revoke(from, reason);
        if (revoked == key) {
            return this;
        }
        List<SignerKey> updated = new ArrayList<>(signers);
        updated.set(updated.indexOf(key), revoked);
        return new IssuerRecord(department, names, status, suspensionReason, updated);
    }

    public IssuerRecord suspend(SuspensionCode reason) {
        Checks.present(reason, "reasonCode");
        if (status == IssuerStatus.SUSPENDED) {
            if (suspensionReason == reason) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("department " + department + " is already suspended (" + suspensionReason + ")");
        }
        return new IssuerRecord(department, names, IssuerStatus.SUSPENDED, reason, signers);
    }

    public IssuerRecord reinstate() {
        if (status == IssuerStatus.ACTIVE) {
            return this;
        }
        return new IssuerRecord(department, names, IssuerStatus.ACTIVE, null, signers);
    }
}
