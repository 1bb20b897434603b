package org.pramaan.issuer.ledger;

import javax.sql.DataSource;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The ledger as each department sees it, through the Fabric Gateway of the network named in the
 * connection file: the contract lets only an identity with {@code dept=X} anchor X's certificates,
 * so there is one {@link Ledger} per department identity, plus the state administrator's for
 * registering departments and keys. One gRPC connection per peer serves them all.
 */
@Component
public class LedgerConnections implements DepartmentLedgers, DisposableBean {

    private final FabricLedger fabric;

    public LedgerConnections(DataSource dataSource, IssuerProperties properties) {
        this.fabric = FabricLedger.connect(properties.ledger().connection(), dataSource, settings(properties.ledger()));
    }

    @Override
    public Ledger forDepartment(DepartmentCode department) {
        return fabric.ledger(department.value());
    }

    public Ledger admin() {
        return fabric.ledger("admin");
    }

    /** The ledger as the connection file's identity {@code name} sees it (the audit reads as {@code auditor}). */
    public Ledger identity(String name) {
        return fabric.ledger(name);
    }

    @Override
    public void destroy() {
        fabric.close();
    }

    private static FabricLedger.Settings settings(IssuerProperties.Ledger ledger) {
        IssuerProperties.LedgerDeadlines d = ledger.deadlines();
        return new FabricLedger.Settings(d.evaluate(), d.endorse(), d.submit(), d.commitStatus(), null, null, null, null,
                null);
    }
}
