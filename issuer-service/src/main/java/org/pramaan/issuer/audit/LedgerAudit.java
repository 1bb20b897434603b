package org.pramaan.issuer.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pramaan.contract.certificate.CertificateListing;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.ledger.Ledger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the issuer's certificates with the ledger, one department at a time in certificate id
 * order: a page of the ledger's records ({@code ListCertificates}), the issuer's rows in the same id
 * range, each pair compared ({@link Reconciliation}). Every certificate either side holds is seen
 * once per pass. Each page is one database transaction that replaces the mismatches of its id range
 * and moves the cursor, so a pass resumes where it stopped (after a restart, or at the next slice of
 * the scheduled audit), and two auditors (the service and {@code ./pramaan audit}) take turns on the
 * cursor's row lock instead of repeating each other's work.
 *
 * <p>While a page is compared, the next one is already being read from the ledger on another thread
 * (the peer and the chaincode do that work, in their own processes on real Fabric): the pass then
 * takes about as long as the slower of the two sides instead of their sum.
 *
 * <p>The two sides are read a moment apart, so a certificate that changes in between (anchored,
 * revoked, put on hold) can look different; every suspected mismatch is read again from both sides
 * before it counts.
 */
public final class LedgerAudit {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerAudit.class);

    private final AuditStore store;
    private final TransactionTemplate transactions;
    private final Ledger ledger;
    private final int pageSize;
    private final Clock clock;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-audit-reader");
        t.setDaemon(true);
        return t;
    });
    /** The next ledger page, read ahead; used only if the next step asks for exactly it. */
    private ReadAhead readAhead;

    private record ReadAhead(String department, String bookmark, Future<CertificateListing> page) {
    }

    public LedgerAudit(AuditStore store, TransactionTemplate transactions, Ledger ledger, int pageSize, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        if (pageSize < 2 || pageSize > 5000) {
            throw new IllegalArgumentException("the audit's page size must be 2 to 5000, got " + pageSize);
        }
        this.pageSize = pageSize;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run did. */
    public record Progress(long certificates, long pages, int mismatchesFound, boolean passCompleted) {
    }

    /**
     * Continues the pass under way (or starts one) until it completes or about {@code budget}
     * certificates were compared. With {@code fresh}, abandons the pass under way and starts over.
     */
    public synchronized Progress run(long budget, boolean fresh) {
        List<String> departments = departments();
        long certificates = 0;
        long pages = 0;
        int found = 0;
        boolean restart = fresh;
        try {
            while (certificates < budget) {
                boolean startOver = restart;
                Step step = transactions.execute(status -> step(departments, startOver));
                restart = false;
                certificates += step.certificates();
                found += step.mismatches();
                pages++;
                if (step.passCompleted()) {
                    return new Progress(certificates, pages, found, true);
                }
            }
            return new Progress(certificates, pages, found, false);
        } finally {
            // A page read ahead now would be stale by the next run: the next run reads it again.
            dropReadAhead();
        }
    }

    /** Runs a whole pass, from the cursor or ({@code fresh}) from the start. */
    public Progress runPass(boolean fresh) {
        return run(Long.MAX_VALUE, fresh);
    }

    /** The departments the ledger knows and those the issuer holds certificates of, in code order. */
    private List<String> departments() {
        TreeSet<String> codes = new TreeSet<>(store.storedDepartments());
        ledger.issuers().forEach(issuer -> codes.add(issuer.department().value()));
        return List.copyOf(codes);
    }

    private record Step(long certificates, int mismatches, boolean passCompleted) {
    }

    private Step step(List<String> departments, boolean fresh) {
        AuditStore.Cursor cursor = store.lockCursor();
        if (cursor.passStartedAt() == null || fresh) {
            if (departments.isEmpty()) {
                store.completePass(new AuditStore.Cursor(null, null, clock.instant(), 0), clock.instant());
                return new Step(0, 0, true);
            }
            cursor = new AuditStore.Cursor(departments.get(0), null, clock.instant(), 0);
        }
        String department = cursor.department();
        if (!departments.contains(department)) {
            String next = nextDepartment(departments, department);
            if (next == null) {
                return finish(departments, cursor);
            }
            department = next;
            cursor = new AuditStore.Cursor(department, null, cursor.passStartedAt(), cursor.certificates());
        }
        String after = cursor.afterId() == null ? department + "-" : cursor.afterId();
        // The bookmark is inclusive and must be a ledger id: resume at the last one compared and skip it.
        CertificateListing page = page(department, cursor.afterId() == null ? "" : cursor.afterId());
        Map<String, CertificateRecord> onLedger = new LinkedHashMap<>();
        for (CertificateRecord record : page.certificates()) {
            String id = record.id().value();
            if (id.compareTo(after) > 0) {
                onLedger.put(id, record);
            }
        }
        boolean lastPage = page.bookmark().isEmpty() || onLedger.isEmpty();
        String through = lastPage ? null : last(onLedger);
        String end = department + ".";
        String nextDepartment = through == null ? nextDepartment(departments, department) : department;
        if (nextDepartment != null) {
            readAhead(nextDepartment, through == null ? "" : through);
        }

        List<Mismatch> candidates = new ArrayList<>();
        long compared = 0;
        String from = after;
        while (true) {
            List<StoredCertificate> rows = store.range(from, through, end, pageSize);
            for (StoredCertificate row : rows) {
                candidates.addAll(Reconciliation.compare(row.id(), department, row, onLedger.remove(row.id())));
                compared++;
            }
            if (rows.size() < pageSize) {
                break;
            }
            from = rows.get(rows.size() - 1).id();
        }
        for (CertificateRecord unmatched : onLedger.values()) {
            candidates.addAll(Reconciliation.compare(unmatched.id().value(), department, null, unmatched));
            compared++;
        }
        List<Mismatch> confirmed = confirm(department, candidates);
        store.replaceMismatches(after, through != null ? through : end, through != null, confirmed, clock.instant());
        confirmed.forEach(m -> LOG.warn("ledger audit: {}", m.line()));

        AuditStore.Cursor moved;
        if (through != null) {
            moved = new AuditStore.Cursor(department, through, cursor.passStartedAt(), cursor.certificates() + compared);
        } else {
            String next = nextDepartment(departments, department);
            AuditStore.Cursor counted = new AuditStore.Cursor(department, null, cursor.passStartedAt(),
                    cursor.certificates() + compared);
            if (next == null) {
                Step done = finish(departments, counted);
                return new Step(compared, confirmed.size(), done.passCompleted());
            }
            moved = new AuditStore.Cursor(next, null, cursor.passStartedAt(), counted.certificates());
        }
        store.saveCursor(moved);
        return new Step(compared, confirmed.size(), false);
    }

    /** The page at {@code bookmark}: the one read ahead if it is that one, else read now. */
    private CertificateListing page(String department, String bookmark) {
        ReadAhead ahead = readAhead;
        readAhead = null;
        if (ahead != null && ahead.department().equals(department) && ahead.bookmark().equals(bookmark)) {
            try {
                return ahead.page().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the ledger", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        if (ahead != null) {
            ahead.page().cancel(true);
        }
        return ledger.certificates(department, pageSize, bookmark);
    }

    private void readAhead(String department, String bookmark) {
        dropReadAhead();
        readAhead = new ReadAhead(department, bookmark,
                reader.submit(() -> ledger.certificates(department, pageSize, bookmark)));
    }

    private void dropReadAhead() {
        if (readAhead != null) {
            readAhead.page().cancel(true);
            readAhead = null;
        }
    }

    private Step finish(List<String> departments, AuditStore.Cursor cursor) {
        store.forgetOtherDepartments(departments);
        store.completePass(cursor, clock.instant());
        LOG.info("ledger audit pass complete: {} certificates in {} departments since {}", cursor.certificates(),
                departments.size(), cursor.passStartedAt());
        return new Step(0, 0, true);
    }

    /** Reads each suspect again from both sides: only what still disagrees is a mismatch. */
    private List<Mismatch> confirm(String department, List<Mismatch> candidates) {
        if (candidates.isEmpty()) {
            return candidates;
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        candidates.forEach(m -> ids.add(m.certificateId()));
        List<Mismatch> confirmed = new ArrayList<>();
        for (String id : ids) {
            StoredCertificate stored = store.find(id).orElse(null);
            CertificateRecord record = ledger.read(id).orElse(null);
            confirmed.addAll(Reconciliation.compare(id, department, stored, record));
        }
        return confirmed;
    }

    private static String nextDepartment(List<String> departments, String current) {
        for (String code : departments) {
            if (code.compareTo(current) > 0) {
                return code;
            }
        }
        return null;
    }

    private static String last(Map<String, CertificateRecord> records) {
        String last = null;
        for (String id : records.keySet()) {
            last = id;
        }
        return last;
    }
}
