package org.pramaan.verifier.trust;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.ledger.Ledger;
import org.pramaan.verifier.ledger.LedgerHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The departments and signer keys the verifier trusts, read from the ledger and checked against the
 * state root CA. Rebuilt when an {@code IssuerChanged} event arrives and on a timer; when the ledger
 * cannot be read, the last good list stays in use.
 */
@Component
public class TrustedIssuers {

    private static final Logger LOG = LoggerFactory.getLogger(TrustedIssuers.class);

    private final Ledger ledger;
    private final RootCertificates roots;
    private final LedgerHealth health;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public TrustedIssuers(Ledger ledger, RootCertificates roots, LedgerHealth health, Clock clock) {
        this.ledger = ledger;
        this.roots = roots;
        this.health = health;
        this.clock = clock;
        this.snapshot = new Snapshot(TrustList.build(roots.roots(), List.of(), List.of()), Map.of(), null);
        refresh();
    }

    /** The trust list and the departments, as last read. */
    public Snapshot current() {
        return snapshot;
    }

    @Scheduled(fixedDelayString = "${verifier.trust-refresh:30s}", initialDelayString = "${verifier.trust-refresh:30s}")
    public void scheduledRefresh() {
        refresh();
    }

    /** Re-reads the issuers; returns whether the ledger answered. */
    public synchronized boolean refresh() {
        try {
            List<IssuerRecord> issuers = ledger.issuers();
            health.reached();
            List<TrustedSigner> signers = new ArrayList<>();
            for (IssuerRecord issuer : issuers) {
                // A suspended department may not issue (the contract refuses), but what it issued
                // before stays good: its keys stay trusted.
                for (SignerKey key : issuer.signers()) {
                    signers.add(toTrusted(issuer, key));
                }
            }
            TrustList list = TrustList.build(roots.roots(), List.of(), signers);
            Map<String, IssuerRecord> byCode = issuers.stream()
                    .collect(Collectors.toUnmodifiableMap(i -> i.department().value(), Function.identity()));
            Snapshot previous = snapshot;
            snapshot = new Snapshot(list, byCode, clock.instant());
            // A start replays every IssuerChanged event: say so only when the list really changed.
            if (previous == null || previous.departments().size() != byCode.size()
                    || previous.trustList().signers().size() != list.signers().size()) {
                LOG.info("trust list: {} departments, {} trusted signer keys", byCode.size(), list.signers().size());
            }
            return true;
        } catch (RuntimeException e) {
            health.failed(e);
            LOG.warn("cannot read the issuers from the ledger; keeping the trust list of {}: {}", snapshot.readAt(),
                    e.getMessage());
            return false;
        }
    }

    private static TrustedSigner toTrusted(IssuerRecord issuer, SignerKey key) {
        X509Certificate certificate = KeyFiles.parseCertificate(key.certificate());
        return new TrustedSigner(DepartmentCode.of(issuer.department().value()), certificate,
                Optional.ofNullable(key.revokedFrom()));
    }

    /** One consistent view: the trust list and the department records it came from. */
    public record Snapshot(TrustList trustList, Map<String, IssuerRecord> departments, Instant readAt) {

        public Optional<IssuerRecord> department(String code) {
            return Optional.ofNullable(departments.get(code));
        }
    }
}
