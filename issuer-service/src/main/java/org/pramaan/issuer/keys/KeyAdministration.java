package org.pramaan.issuer.keys;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.catalog.Catalog;
import org.pramaan.issuer.certificate.LedgerSigners;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.service.problem.NotFoundException;
import org.pramaan.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Department keys through their life, as the state IT authority acts on them: listed from the
 * ledger, rotated, revoked. Every change is a transaction of the ledger's {@code admin} identity
 * through the Fabric Gateway, exactly as against a real Fabric network; this service follows the
 * result like any other change (and takes its own committed result at once).
 *
 * <p>Rotation never fails an issuance: the new key is registered first and used once that
 * registration is committed; the old one keeps anchoring what it signed, and is retired (RETIRED,
 * from the moment of retirement) only when nothing it signed is still waiting for the ledger, so
 * everything it signed stays genuine.
 */
@Service
public class KeyAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(KeyAdministration.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LedgerConnections ledgers;
    private final LedgerSigners signers;
    private final SignerKeys keys;
    private final KeyRecords records;
    private final Catalog catalog;
    private final KeySettings settings;
    private final Clock clock;
    private final Map<DepartmentCode, Object> rotations = new ConcurrentHashMap<>();
    private final Reissuer reissuer;
    private final TaskScheduler scheduler;

    public KeyAdministration(LedgerConnections ledgers, LedgerSigners signers, SignerKeys keys, KeyRecords records,
                             Catalog catalog, KeySettings settings, Clock clock, Reissuer reissuer,
                             TaskScheduler scheduler) {
        this.reissuer = reissuer;
        this.scheduler = scheduler;
        this.ledgers = ledgers;
        this.signers = signers;
        this.keys = keys;
        this.records = records;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every key of every department on the ledger, or of one department. */
    public List<KeyView> list(Optional<DepartmentCode> department) {
        Ledger admin = ledgers.admin();
        List<IssuerRecord> issuers = department.isPresent()
                ? List.of(admin.issuer(department.get().value())
                        .orElseThrow(() -> new NotFoundException("department " + department.get()
                                + " is not registered on the ledger")))
                : admin.issuers();
        Instant now = clock.instant();
        List<KeyView> views = new ArrayList<>();
        for (IssuerRecord issuer : issuers) {
            DepartmentCode code = issuer.department();
            Map<String, Long> signed = records.signedCounts(code);
            Optional<KeyId> inUse = catalog.issuingDepartments().contains(code)
                    ? signers.current(code) : Optional.empty();
            for (SignerKey key : issuer.signers()) {
                views.add(KeyView.of(code.value(), key, now, inUse.filter(key.kid()::equals).isPresent(),
                        signed.getOrDefault(key.kid().hex(), 0L)));
            }
        }
        return views;
    }

    /** What a rotation did: the new key, and the keys it retired. */
    public record Rotation(String department, String kid, List<String> retired) {
    }

    /**
     * A new key for {@code department}: made, registered on the ledger, used once committed; then the
     * keys it replaces (those this service held and signed with) are retired.
     */
    public Rotation rotate(DepartmentCode department) {
        requireIssuing(department);
        synchronized (rotations.computeIfAbsent(department, d -> new Object())) {
            Ledger admin = ledgers.admin();
            IssuerRecord before = admin.issuer(department.value()).orElseThrow(() -> new NotFoundException(
                    "department " + department + " is not registered on the ledger"));
            Instant now = clock.instant();
            List<String> replaced = before.signers().stream()
                    .filter(k -> k.revocationReason() == null && k.unusableAt(now).isEmpty())
                    .filter(k -> keys.held(department).containsKey(k.kid()))
                    .map(k -> k.kid().hex()).toList();
            org.pramaan.credential.keys.SignerKey fresh = keys.create(department);
            X509Certificate certificate = fresh.certificate();
            IssuerRecord registered = admin.addSignerKey(department.value(), new SignerRegistration(
                    KeyId.of(fresh.kid().hex()), KeyFiles.toPem(certificate), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant())).value();
            // Committed: sign with it from now on (the event would say the same a moment later).
            signers.accept(registered);
            Instant switched = clock.instant();
            LOG.info("department {}: new signer key {} registered and in use; retiring {}", department,
                    fresh.kid().hex(), replaced);
            awaitAnchored(department, replaced, switched);
            IssuerRecord latest = registered;
            for (String kid : replaced) {
                latest = admin.revokeSignerKey(department.value(), kid, clock.instant(), SignerRevocationCode.RETIRED)
                        .value();
            }
            signers.accept(latest);
            LOG.info("department {}: retired signer keys {}", department, replaced);
            return new Rotation(department.value(), fresh.kid().hex(), replaced);
        }
    }

    /**
     * Waits out the grace after the switch, then until nothing signed with {@code kids} waits for the
     * ledger (bounded): the contract anchors only with keys usable at the transaction's time. The
     * scheduler looks at the outbox; this thread only waits for its answer.
     */
    private void awaitAnchored(DepartmentCode department, List<String> kids, Instant switched) {
        Instant graceEnds = switched.plus(settings.retireGrace());
        Instant giveUp = graceEnds.plus(settings.retireWait());
        CompletableFuture<Void> anchored = new CompletableFuture<>();
        ScheduledFuture<?> looking = scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (records.waitingForAnchoring(department, kids) == 0) {
                    anchored.complete(null);
                }
            } catch (RuntimeException e) {
                anchored.completeExceptionally(e); // the database's failure, answered as the request's own
            }
        }, graceEnds, POLL);
        try {
            anchored.get(Math.max(0, Duration.between(clock.instant(), giveUp).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("department {}: certificates signed with {} still wait for the ledger after {};"
                    + " retiring the keys anyway", department, kids, settings.retireWait());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("cannot count what waits for the ledger", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retire the keys of " + department, e);
        } finally {
            looking.cancel(false);
        }
    }

    /** What a revocation did, and how many certificates the key signed from {@code from} on. */
    public record Revocation(KeyView key, long certificatesAffected) {
    }

    /**
     * Revokes a key on the ledger from {@code from} (default now): certificates it signed from then on
     * fail at every verifier; earlier ones stay genuine.
     */
    public Revocation revoke(DepartmentCode department, KeyId kid, SignerRevocationCode reason, Instant from) {
        Ledger admin = ledgers.admin();
        Instant effective = from == null ? clock.instant() : from;
        IssuerRecord record = admin.revokeSignerKey(department.value(), kid.value(), effective, reason).value();
        if (catalog.issuingDepartments().contains(department)) {
            signers.accept(record);
        }
        SignerKey key = record.signer(kid).orElseThrow();
        long affected = records.countSignedSince(department, kid.hex(), effective);
        LOG.info("department {}: signer key {} revoked from {} ({}); {} certificates it signed since then",
                department, kid, effective, reason, affected);
        return new Revocation(KeyView.of(department.value(), key, clock.instant(), false,
                records.signedCounts(department).getOrDefault(kid.hex(), 0L)), affected);
    }

    /** What a re-issue did: each replaced certificate and its replacement. */
    public record Reissue(String department, String kid, java.time.Instant revokedFrom,
                          List<Reissuer.Replacement> replaced) {
    }

    /**
     * Re-issues, with the department's current key, every certificate that the revoked key {@code kid}
     * signed from its revocation on (those fail at every verifier): each old one is SUPERSEDED on the
     * ledger, pointing at its replacement, and the citizen receives the new certificate.
     */
    public Reissue reissue(DepartmentCode department, KeyId kid, String actor) {
        requireIssuing(department);
        SignerKey key = ledgers.admin().issuer(department.value())
                .flatMap(r -> r.signer(kid))
                .orElseThrow(() -> new NotFoundException("department " + department + " has no signer key " + kid));
        if (key.revokedFrom() == null) {
            throw new RefusalException(ProblemCode.CONFLICT, "signer key " + kid + " is not revoked: what it signed is genuine;"
                    + " revoke it first (with --from the moment of compromise)");
        }
        signers.signer(department); // refuses at once when there is no key to re-issue with
        List<Reissuer.Replacement> replaced = new ArrayList<>();
        for (String id : records.replaceable(department, kid.hex(), key.revokedFrom(), settings.reissueMax())) {
            replaced.add(reissuer.reissue(id, actor));
        }
        LOG.info("department {}: re-issued {} certificates signed with {} from {}", department, replaced.size(), kid,
                key.revokedFrom());
        return new Reissue(department.value(), kid.hex(), key.revokedFrom(), replaced);
    }

    private void requireIssuing(DepartmentCode department) {
        if (!catalog.issuingDepartments().contains(department)) {
            throw new NotFoundException("department " + department + " issues no certificates here");
        }
    }
}
