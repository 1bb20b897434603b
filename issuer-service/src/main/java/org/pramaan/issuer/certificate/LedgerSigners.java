package org.pramaan.issuer.certificate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which key each department signs with: of the keys this service holds ({@link SignerKeys}), the
 * newest one the ledger lists as usable at this moment (registered, within its period, not revoked
 * from before now, the department not suspended). The ledger's records are read at start and again
 * on each {@code IssuerChanged} event ({@link SigningKeyEvents}), so a key revoked by the state IT
 * authority stops signing here within the event's delay, and a rotated one starts once its
 * registration is committed.
 *
 * <p>A department without such a key is DOWN: approvals are refused with
 * {@link SigningKeyUnavailableException}, the gauge {@code pramaan.signing.available} is 0, and one
 * ERROR line says so when it goes down (not one per refused request); one INFO line when it is back.
 */
@Component
public class LedgerSigners implements SignerChoice {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSigners.class);

    private final SignerKeys keys;
    private final LedgerConnections ledgers;
    private final Catalog catalog;
    private final Clock clock;
    private final Map<DepartmentCode, IssuerRecord> onLedger = new ConcurrentHashMap<>();
    private final Set<DepartmentCode> down = ConcurrentHashMap.newKeySet();
    private final Map<DepartmentCode, Counter> refusals = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    /** Set once the ledger has been read: before that a department is not "down", only not known yet. */
    private volatile boolean read;

    public LedgerSigners(SignerKeys keys, LedgerConnections ledgers, Catalog catalog, Clock clock,
                         MeterRegistry meters) {
        this.keys = keys;
        this.ledgers = ledgers;
        this.catalog = catalog;
        this.clock = clock;
        this.meters = meters;
        for (DepartmentCode department : catalog.issuingDepartments()) {
            Gauge.builder("pramaan.signing.available", () -> choose(department, clock.instant()).key().isPresent() ? 1 : 0)
                    .tag("department", department.value())
                    .description("1 while the department has a key the ledger lists as usable, 0 while approvals are refused")
                    .register(meters);
        }
    }

    /** Re-reads every issuing department from the ledger (at start, and as a safety net on a timer). */
    public void refreshAll() {
        Map<String, IssuerRecord> byCode = new java.util.HashMap<>();
        for (IssuerRecord record : ledgers.admin().issuers()) {
            byCode.put(record.department().value(), record);
        }
        for (DepartmentCode department : catalog.issuingDepartments()) {
            IssuerRecord record = byCode.get(department.value());
            if (record == null) {
                onLedger.remove(department);
            } else {
                onLedger.put(department, record);
            }
        }
        read = true;
        catalog.issuingDepartments().forEach(this::evaluate);
    }

    /** Re-reads one department from the ledger, after an event about it. */
    public void refresh(DepartmentCode department) {
        if (!catalog.issuingDepartments().contains(department)) {
            return; // a department that issues nothing here has no signing to follow
        }
        Optional<IssuerRecord> record = ledgers.admin().issuer(department.value());
        record.ifPresentOrElse(r -> onLedger.put(department, r), () -> onLedger.remove(department));
        read = true;
        evaluate(department);
    }

    /** Takes a record the caller has just committed, so the switch needs no event round trip. */
    public void accept(IssuerRecord record) {
        DepartmentCode department = record.department();
        if (!catalog.issuingDepartments().contains(department)) {
            return;
        }
        onLedger.put(department, record);
        read = true;
        evaluate(department);
    }

    /** The key to sign with now; refuses when there is none. */
    @Override
    public org.pramaan.credential.keys.SignerKey signer(DepartmentCode department) {
        Choice choice = choose(department, clock.instant());
        track(department, choice);
        if (choice.key().isEmpty()) {
            refusals.computeIfAbsent(department, d -> Counter.builder("pramaan.signing.refusals")
                    .tag("department", d.value()).description("approvals refused for want of a usable key")
                    .register(meters)).increment();
            throw new SigningKeyUnavailableException(department, choice.problem());
        }
        return choice.key().get();
    }

    /**
     * The held key {@code kid} while the ledger lists it as usable now (registered, in its period, not revoked, the
     * department active), whether or not it is still the newest: the seal of a PDF rendered after its approval.
     */
    @Override
    public org.pramaan.credential.keys.SignerKey signer(DepartmentCode department, org.pramaan.contract.id.KeyId kid) {
        Instant now = clock.instant();
        IssuerRecord record = onLedger.get(department);
        if (record == null || !record.isActive()) {
            throw new SigningKeyUnavailableException(department, record == null
                    ? "the department is not registered on the ledger" : "the department is suspended on the ledger");
        }
        Optional<SignerKey> listed = record.signers().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (listed.isEmpty()) {
            throw new SigningKeyUnavailableException(department, "the ledger does not list key " + kid);
        }
        Optional<String> unusable = listed.get().unusableAt(now);
        if (unusable.isPresent()) {
            throw new SigningKeyUnavailableException(department, "key " + kid + ": " + unusable.get());
        }
        org.pramaan.credential.keys.SignerKey held = keys.held(department).get(kid);
        if (held == null) {
            throw new SigningKeyUnavailableException(department, "key " + kid + " is not held by this service");
        }
        return held;
    }

    /** Why {@code department} cannot sign now, or empty when it can. */
    public Optional<String> problem(DepartmentCode department) {
        Choice choice = choose(department, clock.instant());
        track(department, choice);
        return choice.key().isPresent() ? Optional.empty() : Optional.of(choice.problem());
    }

    /** The kid {@code department} signs with now, if any. */
    public Optional<org.pramaan.contract.id.KeyId> current(DepartmentCode department) {
        return choose(department, clock.instant()).key().map(org.pramaan.credential.keys.SignerKey::kid);
    }

    /** The ledger's record of {@code department} as last read. */
    public Optional<IssuerRecord> record(DepartmentCode department) {
        return Optional.ofNullable(onLedger.get(department));
    }

    public List<DepartmentCode> departments() {
        return catalog.issuingDepartments();
    }

    private void evaluate(DepartmentCode department) {
        track(department, choose(department, clock.instant()));
    }

    private void track(DepartmentCode department, Choice choice) {
        if (!read) {
            return;
        }
        if (choice.key().isEmpty()) {
            if (down.add(department)) {
                LOG.error("signing for department {} is unavailable: {}; approvals are refused until the ledger"
                        + " lists a key this service holds", department, choice.problem());
            }
        } else if (down.remove(department)) {
            LOG.info("signing for department {} is available again, with key {}", department,
                    choice.key().get().kid().hex());
        }
    }

    Choice choose(DepartmentCode department, Instant now) {
        IssuerRecord record = onLedger.get(department);
        if (record == null) {
            return Choice.none("the department is not registered on the ledger (or the ledger has not been read yet)");
        }
        if (!record.isActive()) {
            return Choice.none("the department is suspended on the ledger (" + record.suspensionReason() + ")");
        }
        Map<org.pramaan.contract.id.KeyId, org.pramaan.credential.keys.SignerKey> held = keys.held(department);
        List<SignerKey> usable = record.signers().stream().filter(k -> k.unusableAt(now).isEmpty()).toList();
        Optional<SignerKey> chosen = usable.stream().filter(k -> held.containsKey(k.kid()))
                .max(Comparator.comparing(SignerKey::validFrom).thenComparing(SignerKey::kid));
        if (chosen.isPresent()) {
            return new Choice(Optional.of(held.get(chosen.get().kid())), null);
        }
        if (!usable.isEmpty()) {
            return Choice.none("the ledger's usable keys (" + usable.stream().map(k -> k.kid().toString()).toList()
                    + ") are not held by this service");
        }
        String why = record.signers().stream().map(k -> k.unusableAt(now).orElse(""))
                .reduce((a, b) -> b).orElse("it has no signer key");
        return Choice.none("no signer key is usable on the ledger now: " + why);
    }

    /** The key chosen, or why there is none. */
    record Choice(Optional<org.pramaan.credential.keys.SignerKey> key, String problem) {
        static Choice none(String problem) {
            return new Choice(Optional.empty(), problem);
        }
    }
}
