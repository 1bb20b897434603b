package org.pramaan.issuer.audit;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.contract.certificate.CertificateRecord;

/**
 * The comparison of one certificate's two records, the issuer's and the ledger's; either may be
 * missing. Pure: no database, no ledger, so every rule is visible here.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    static List<Mismatch> compare(String id, String department, StoredCertificate stored, CertificateRecord ledger) {
        if (stored == null && ledger == null) {
            return List.of();
        }
        if (stored == null) {
            return List.of(new Mismatch(MismatchKind.MISSING_RECORD, id, department, "the ledger holds it ("
                    + ledger.status() + ", anchored " + ledger.issuedAt() + "); the issuer has no record of it"));
        }
        if (ledger == null) {
            // Queued for anchoring: the ledger has not had it yet.
            return stored.awaitingAnchor() ? List.of() : List.of(new Mismatch(MismatchKind.UNKNOWN_ON_LEDGER, id,
                    department, "the issuer holds it as " + stored.describedStatus() + "; the ledger has no record"));
        }
        List<Mismatch> found = new ArrayList<>(3);
        String hashProblem = hashProblem(stored, ledger);
        if (hashProblem != null) {
            found.add(new Mismatch(MismatchKind.HASH_MISMATCH, id, department, hashProblem));
        }
        if (!stored.kid().equals(ledger.kid().hex())) {
            found.add(new Mismatch(MismatchKind.KEY_MISMATCH, id, department,
                    "signed with key " + stored.kid() + " here, " + ledger.kid().hex() + " on the ledger"));
        }
        if (!stored.ledgerWritePending() && stored.expectedLedgerStatus() != ledger.status()) {
            found.add(new Mismatch(MismatchKind.STATUS_MISMATCH, id, department, stored.describedStatus()
                    + " here (the ledger should say " + stored.expectedLedgerStatus() + "), " + ledger.status()
                    + " on the ledger"));
        }
        return found;
    }

    /** Why the claims do not match the anchored ones, or null when they do. */
    private static String hashProblem(StoredCertificate stored, CertificateRecord ledger) {
        String anchored = ledger.claimsHash().toString();
        String recomputed;
        try {
            recomputed = stored.recomputedClaimsHash();
        } catch (RuntimeException e) {
            // The message could quote the stored text; say only that it no longer makes a certificate.
            return "the stored claims no longer make a valid certificate; the ledger holds hash " + shortHash(anchored);
        }
        if (!recomputed.equals(anchored)) {
            return "claims rebuilt from the issuer's record hash to " + shortHash(recomputed) + ", the ledger holds "
                    + shortHash(anchored);
        }
        if (!stored.claimsHash().equals(anchored)) {
            return "stored claims hash " + shortHash(stored.claimsHash()) + ", the ledger holds " + shortHash(anchored);
        }
        if (!stored.department().equals(ledger.department().value())) {
            return "department " + stored.department() + " here, " + ledger.department() + " on the ledger";
        }
        if (!stored.expiresAt().truncatedTo(ChronoUnit.SECONDS).equals(ledger.validUntil())) {
            return "valid until " + stored.expiresAt().truncatedTo(ChronoUnit.SECONDS) + " here, " + ledger.validUntil()
                    + " on the ledger";
        }
        return null;
    }

    private static String shortHash(String hash) {
        return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }
}
