package org.pramaan.chaincode.core;

import org.hyperledger.fabric.contract.Context;
import org.pramaan.contract.core.ErrorCode;

/**
 * The count of a proposal's arguments. The shim passes a transaction method its declared
 * parameters and silently drops any more; but the proposal, with every argument, is written into
 * the block. A client that still sent a note after a code would put it on the ledger for good, so
 * a write refuses extra arguments at endorsement, before anything is ordered.
 */
public final class Arguments {

    private Arguments() {
    }

    /** Refuses the call when it carries more than the {@code declared} arguments of its transaction. */
    public static void atMost(Context ctx, int declared) {
        int given = ctx.getStub().getParameters().size();
        if (given > declared) {
            throw ErrorCode.INVALID_ARGUMENT.exception(ctx.getStub().getFunction() + " takes " + declared
                    + " arguments, not " + given + "; the ledger records no free text");
        }
    }
}
