package org.pramaan.issuer.keys;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.sql.Timestamp;
import java.time.Clock;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.CertificateIssuer;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.IssueCommand;
import org.pramaan.service.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-issues one certificate with the department's current key, in one transaction: the new one is
 * signed, stored and queued for anchoring like any other (its ISSUED notice tells the citizen, with
 * the new PDF); the old one is marked superseded by it here, and queued to be SUPERSEDED on the
 * ledger, pointing at the new one, once the new one is anchored. An old one never anchored (its key
 * was withdrawn first) leaves the anchoring queue instead: there is nothing on the ledger to change.
 */
@Component
public class Reissuer {

    private final Certificates certificates;
    private final CertificateIssuer issuer;
    private final Catalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    public Reissuer(Certificates certificates, CertificateIssuer issuer, Catalog catalog, JdbcClient jdbc, Clock clock) {
        this.certificates = certificates;
        this.issuer = issuer;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The officer who approved the application, printed again on its re-issued certificate; null when none did. */
    private org.pramaan.issuer.pdf.CertificateDocument.Signatory approver(java.util.UUID applicationId) {
        if (applicationId == null) {
            return null;
        }
        return jdbc.sql("SELECT o.display_name, o.designation FROM issuer.application_transition t"
                        + " JOIN issuer.officer o ON t.actor IN ('officer:' || o.username, 'admin:' || o.username)"
                        + " WHERE t.application_id = ? AND t.to_status = 'APPROVED' ORDER BY t.seq DESC LIMIT 1")
                .param(applicationId)
                .query((rs, n) -> new org.pramaan.issuer.pdf.CertificateDocument.Signatory(rs.getString(1),
                        rs.getString(2)))
                .optional().orElse(null);
    }

    /** An old certificate and the one that replaces it. */
    public record Replacement(String replaced, String replacement) {
    }

    @Transactional
    public Replacement reissue(String id, String actor) {
        Certificate old = certificates.find(id).orElseThrow(() -> new NotFoundException("no certificate " + id));
        ServiceDefinition service = catalog.service(old.serviceCode()).orElseThrow(() -> new IllegalStateException(
                "certificate " + id + " is of service " + old.serviceCode() + ", no longer in the catalog"));
        Certificate fresh = issuer.issue(new IssueCommand(service, old.holderName(), old.fields(), old.language(),
                PhoneNumber.parse(old.phoneNumber()), old.applicationId(), approver(old.applicationId())));
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("UPDATE issuer.certificate SET status = 'REVOKED', revoked_at = ?,"
                        + " revocation_code = 'SUPERSEDED', revocation_reason = ?, revoked_by = ?, replaced_by = ?,"
                        + " hold_code = NULL, held_at = NULL WHERE id = ? AND status <> 'REVOKED' AND replaced_by IS NULL")
                .params(now, "re-issued as " + fresh.id() + ": the key that signed it was withdrawn", actor,
                        fresh.id().value(), id)
                .update();
        if (changed == 0) {
            // Rolls the new certificate back too: one replacement per certificate.
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is already revoked or replaced");
        }
        if (old.transactionId() != null) {
            jdbc.sql("INSERT INTO issuer.revocation_outbox (certificate_id, department, reason_code, enqueued_at,"
                            + " next_attempt_at, replaced_by) VALUES (?, ?, 'SUPERSEDED', ?, ?, ?)")
                    .params(id, old.department().value(), now, now, fresh.id().value()).update();
        } else {
            jdbc.sql("DELETE FROM issuer.anchor_outbox WHERE certificate_id = ?").param(id).update();
        }
        return new Replacement(id, fresh.id().value());
    }
}
