package org.pramaan.issuer.bootstrap;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.Department;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
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
    private static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    /** Longer than any peer takes to start; after it the service stops with the ledger's error, as before. */
    private static final Duration RETRY_FOR = Duration.ofMinutes(3);

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
        registerAll(ledgers.admin());
    }

    /** Registers every catalog department through {@code admin}, each retried while the ledger is unavailable. */
    void registerAll(Ledger admin) {
        // Departments are independent keys on the ledger: registering them side by side lets the
        // orderer put many into one block, instead of one block wait per department (36 of them).
        ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "ledger-registration");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (Department department : catalog.departments()) {
                results.add(workers.submit(() -> Failsafe.with(ledgerBusy(department)).get(() -> register(admin, department))));
            }
            int registered = 0;
            int added = 0;
            for (Future<int[]> result : results) {
                int[] counts = result.get();
                registered += counts[0];
                added += counts[1];
            }
            if (registered + added > 0) {
                LOG.info("Ledger: registered {} departments and {} signer keys", registered, added);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering departments on the ledger", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("registering departments on the ledger failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * A peer that is slow to answer (a loaded machine, a peer still starting) is waited for, not a reason to stop the
     * service: registration is idempotent (each attempt reads what is on the ledger first), so it is simply tried again.
     */
    private RetryPolicy<int[]> ledgerBusy(Department department) {
        return RetryPolicy.<int[]>builder()
                .handleIf(e -> e instanceof LedgerException l && l.code() == LedgerErrorCode.UNAVAILABLE)
                .withBackoff(RETRY_FIRST, RETRY_FIRST.multipliedBy(15)).withMaxRetries(-1).withMaxDuration(RETRY_FOR)
                .onRetry(e -> LOG.warn("registering department {} on the ledger: {}; trying again (attempt {})",
                        department.code(), e.getLastException().getMessage(), e.getAttemptCount() + 1))
                .build();
    }

    /**
     * Registers one department and its development key when missing: {registered, keys added}. Another instance
     * starting at the same moment may register the same in the same block, and one of the two ledger transactions
     * is then refused (a read conflict): the loser finds the registration made and carries on.
     */
    private int[] register(Ledger admin, Department department) {
        try {
            return registerOnce(admin, department);
        } catch (RuntimeException e) {
            IssuerRecord record = admin.issuer(department.code().value()).orElse(null);
            SignerKey key = keys.all().get(department.code());
            if (record != null && (key == null || hasKey(record, key.kid().hex()))) {
                LOG.info("department {} was registered by another instance meanwhile: {}", department.code(),
                        e.getMessage());
                return new int[] {0, 0};
            }
            throw e;
        }
    }

    private int[] registerOnce(Ledger admin, Department department) {
        String code = department.code().value();
        int registered = 0;
        IssuerRecord record = admin.issuer(code).orElse(null);
        if (record == null) {
            record = admin.registerIssuer(new IssuerRegistration(DepartmentCode.of(code),
                    new IssuerNames(department.names().en(), department.names().te(), department.names().hi()))).value();
            registered = 1;
        }
        SignerKey key = keys.all().get(department.code());
        if (key != null && !hasKey(record, key.kid().hex())) {
            X509Certificate certificate = key.certificate();
            admin.addSignerKey(code, new SignerRegistration(KeyId.of(key.kid().hex()), KeyFiles.toPem(certificate),
                    certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant()));
            return new int[] {registered, 1};
        }
        return new int[] {registered, 0};
    }

    private static boolean hasKey(IssuerRecord record, String kid) {
        return record.signers().stream().anyMatch(s -> s.kid().equals(KeyId.of(kid)));
    }
}
