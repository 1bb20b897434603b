package org.pramaan.issuer.support;

import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.ledger.DepartmentLedgers;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;

/**
 * The real department ledgers with an outage switch: while off, every call fails as an unreachable
 * ledger would. Fault injection for outage tests; the ledger itself is the real development peer.
 */
public final class SwitchableLedgers implements DepartmentLedgers {

    private final LedgerConnections real;
    private volatile boolean available = true;

    public SwitchableLedgers(LedgerConnections real) {
        this.real = real;
    }

    public void available(boolean value) {
        available = value;
    }

    @Override
    public Ledger forDepartment(DepartmentCode department) {
        if (!available) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, null, "ledger switched off by the test");
        }
        return real.forDepartment(department);
    }
}
