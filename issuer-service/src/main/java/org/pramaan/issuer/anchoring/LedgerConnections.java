package org.pramaan.issuer.anchoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.pramaan.credential.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.dev.DevIdentities;
import org.pramaan.ledger.dev.DevLedger;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The ledger as each department sees it: the contract lets only an identity with {@code dept=X}
 * anchor X's certificates, so there is one {@link Ledger} per department identity, opened on first
 * use, plus the state administrator's for registering departments and keys.
 */
@Component
public class LedgerConnections implements DepartmentLedgers, DisposableBean {

    private final Map<String, Ledger> open = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final Clock clock;
    private final DevIdentities identities;
    private final DevLedger.Settings settings;

    public LedgerConnections(DataSource dataSource, Clock clock, IssuerProperties properties) {
        this.dataSource = dataSource;
        this.clock = clock;
        if (!"dev".equals(properties.ledger().mode())) {
            throw new IllegalStateException("LEDGER=" + properties.ledger().mode() + " is not supported yet: the ledger"
                    + " module offers DevLedger only (LEDGER=dev); FabricLedger arrives with the Fabric network");
        }
        try {
            this.identities = DevIdentities.open(properties.ledgerFolder(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger identities in " + properties.ledgerFolder(), e);
        }
        this.settings = DevLedger.Settings.of(identities.organisations());
    }

    @Override
    public Ledger forDepartment(DepartmentCode department) {
        return open.computeIfAbsent("issuer-" + department.value(), k -> connect(() -> identities.issuer(department.value())));
    }

    public Ledger admin() {
        return open.computeIfAbsent("admin", k -> connect(identities::admin));
    }

    private Ledger connect(IdentitySource source) {
        try {
            LedgerIdentity identity = source.get();
            return DevLedger.open(dataSource, identity, settings, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load a ledger identity: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        open.values().forEach(Ledger::close);
        open.clear();
    }

    private interface IdentitySource {
        LedgerIdentity get() throws IOException;
    }
}
