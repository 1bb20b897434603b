package org.pramaan.chaincode.issuer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.pramaan.chaincode.core.Page;
import org.pramaan.chaincode.core.WorldState;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.event.IssuerChange;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.contract.issuer.SuspensionCode;

/**
 * The departments on the ledger and the administrator's changes to them. Authorisation is the
 * caller's business; this class keeps the records consistent and announces each real change with
 * one {@code IssuerChanged} event. Repeating a change that is already in place writes nothing.
 */
public final class Issuers {

    public static final String OBJECT_TYPE = "ISSUER";
    public static final String EVENT = IssuerChange.EVENT;
    public static final int MAX_PAGE_SIZE = 100;

    private final WorldState state;

    public Issuers(WorldState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public IssuerRecord register(IssuerRegistration registration) {
        DepartmentCode department = registration.department();
        Optional<IssuerRecord> existing = find(department);
        if (existing.isPresent()) {
            if (existing.get().names().equals(registration.names())) {
                return existing.get();
            }
            throw ErrorCode.CONFLICT.exception("department " + department + " is already registered with other names");
        }
        IssuerRecord record = IssuerRecord.register(registration);
        save(record, new IssuerChange(department, IssuerChange.Kind.REGISTERED, null));
        return record;
    }

    public IssuerRecord addSigner(DepartmentCode department, SignerRegistration registration) {
        SignerKey key = registration.toSignerKey();
        return change(department, r -> r.withSigner(key), IssuerChange.Kind.SIGNER_ADDED, key.kid());
    }

    public IssuerRecord revokeSigner(DepartmentCode department, KeyId kid, Instant from, SignerRevocationCode reason) {
        return change(department, r -> r.withSignerRevoked(kid, from, reason), IssuerChange.Kind.SIGNER_REVOKED, kid);
    }

    public IssuerRecord suspend(DepartmentCode department, SuspensionCode reason) {
        return change(department, r -> r.suspend(reason), IssuerChange.Kind.SUSPENDED, null);
    }

    public IssuerRecord reinstate(DepartmentCode department) {
        return change(department, IssuerRecord::reinstate, IssuerChange.Kind.REINSTATED, null);
    }

    public Optional<IssuerRecord> find(DepartmentCode department) {
        return state.read(key(department), IssuerRecord.class);
    }

    public IssuerRecord get(DepartmentCode department) {
        return find(department).orElseThrow(() -> ErrorCode.NOT_FOUND.exception(
                "department " + department + " is not registered"));
    }

    /** Departments in code order, {@code pageSize} at a time, starting at {@code after} (empty for the first). */
    public Page<IssuerRecord> list(int pageSize, String after) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ErrorCode.INVALID_ARGUMENT.exception("pageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
        }
        // A bookmark is a department code; anything else could start the scan in another key space.
        String from = after.isEmpty() ? "" : DepartmentCode.of(after).value();
        return state.page(OBJECT_TYPE, pageSize, from, IssuerRecord.class);
    }

    private IssuerRecord change(DepartmentCode department, UnaryOperator<IssuerRecord> change,
                                IssuerChange.Kind kind, KeyId kid) {
        IssuerRecord current = get(department);
        IssuerRecord updated = change.apply(current);
        if (!updated.equals(current)) {
            save(updated, new IssuerChange(department, kind, kid));
        }
        return updated;
    }

    private void save(IssuerRecord record, IssuerChange event) {
        state.write(key(record.department()), record);
        state.emit(EVENT, event);
    }

    private String key(DepartmentCode department) {
        return state.key(OBJECT_TYPE, department.value());
    }
}
