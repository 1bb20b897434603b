package org.pramaan.chaincode.core;

import java.util.Objects;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.DepartmentCode;

/**
 * Who submitted the transaction, from the X.509 identity's Fabric CA attributes {@code role} and
 * {@code dept}. A missing, misspelt or malformed attribute is a denial, never a default: the shim
 * reports a malformed attribute extension as no attributes at all.
 */
public record Caller(String mspId, String id, String role, String department) {

    static final String ADMIN = "admin";
    static final String ISSUER = "issuer";
    static final String AUDITOR = "auditor";

    public Caller {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(id, "id");
    }

    public static Caller of(Context ctx) {
        ClientIdentity identity = ctx.getClientIdentity();
        if (identity == null) {
            throw ErrorCode.FORBIDDEN.exception("the transaction carries no client identity");
        }
        return new Caller(String.valueOf(identity.getMSPID()), String.valueOf(identity.getId()),
                identity.getAttributeValue("role"), identity.getAttributeValue("dept"));
    }

    /** Refuses everyone but a state IT administrator ({@code role=admin}). */
    public void requireAdmin(String action) {
        if (!ADMIN.equals(role)) {
            throw ErrorCode.FORBIDDEN.exception(this + " may not " + action + ": that needs role=admin");
        }
    }

    /** The department of a department issuer ({@code role=issuer} with a well-formed {@code dept}). */
    public DepartmentCode requireIssuer(String action) {
        if (!ISSUER.equals(role)) {
            throw ErrorCode.FORBIDDEN.exception(this + " may not " + action + ": that needs role=issuer");
        }
        if (!DepartmentCode.isValid(department)) {
            throw ErrorCode.FORBIDDEN.exception(this + " may not " + action
                    + ": an issuer needs a dept attribute holding a department code");
        }
        return DepartmentCode.of(department);
    }

    /** Refuses anyone but an issuer of {@code department}. */
    public void requireIssuerOf(DepartmentCode department, String action) {
        DepartmentCode own = requireIssuer(action);
        if (!own.equals(department)) {
            throw ErrorCode.FORBIDDEN.exception(this + " may not " + action + " for department " + department
                    + ": the identity issues for " + own);
        }
    }

    /**
     * Refuses anyone but the state's administrator, the auditor, or an issuer of {@code department}:
     * a listing enumerates certificate ids, which are otherwise unguessable.
     */
    public void requireReaderOf(DepartmentCode department, String action) {
        if (ADMIN.equals(role) || AUDITOR.equals(role)) {
            return;
        }
        if (!ISSUER.equals(role)) {
            throw ErrorCode.FORBIDDEN.exception(this + " may not " + action
                    + ": that needs role=admin, role=auditor or role=issuer of the department");
        }
        requireIssuerOf(department, action);
    }

    @Override
    public String toString() {
        return "identity '" + id + "' of " + mspId + " (role=" + describe(role) + ", dept=" + describe(department) + ")";
    }

    private static String describe(String attribute) {
        return attribute == null ? "none" : "'" + attribute + "'";
    }
}
