package org.pramaan.issuer.bootstrap;

import java.security.cert.X509Certificate;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.anchoring.LedgerConnections;
import org.pramaan.issuer.catalog.Catalog;
import org.pramaan.issuer.catalog.Department;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Development only: registers the catalog's departments and their signer keys on the ledger as
 * the state administrator, when missing. On Fabric the state IT authority does this itself.
 */
@Component
@Order(1)
public class LedgerRegistration implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRegistration.class);

    private final Catalog catalog;
    private final SignerKeys keys;
    private final LedgerConnections ledgers;
    private final IssuerProperties properties;

    public LedgerRegistration(Catalog catalog, SignerKeys keys, LedgerConnections ledgers, IssuerProperties properties) {
        this.catalog = catalog;
        this.keys = keys;
        this.ledgers = ledgers;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.keys().development()) {
            // Production keys: the state IT authority registers departments and keys (./pramaan keys, the admin API).
            return;
        }
        Ledger admin = ledgers.admin();
        int registered = 0;
        int added = 0;
        for (Department department : catalog.departments()) {
            String code = department.code().value();
            IssuerRecord record = admin.issuer(code).orElse(null);
            if (record == null) {
                record = admin.registerIssuer(new IssuerRegistration(DepartmentCode.of(code),
                        new IssuerNames(department.names().en(), department.names().te(), department.names().hi()))).value();
                registered++;
            }
            SignerKey key = keys.all().get(department.code());
            if (key != null && !hasKey(record, key.kid().hex())) {
                X509Certificate certificate = key.certificate();
                admin.addSignerKey(code, new SignerRegistration(KeyId.of(key.kid().hex()), KeyFiles.toPem(certificate),
                        certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
                added++;
            }
        }
        if (registered + added > 0) {
            LOG.info("Ledger: registered {} departments and {} signer keys", registered, added);
        }
    }

    private static boolean hasKey(IssuerRecord record, String kid) {
        return record.signers().stream().anyMatch(s -> s.kid().equals(KeyId.of(kid)));
    }
}
