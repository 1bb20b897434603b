package org.pramaan.issuer.certificate;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.time.Clock;
import java.util.Locale;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.issuer.security.Caller;
import org.pramaan.service.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revokes a certificate: at once in this service, and on the ledger through the revocation outbox
 * (after the certificate is anchored); the citizen is notified once the ledger has it.
 *
 * <p>The ledger and the citizen get the reason's code only. The officer's note is kept here, with the
 * certificate, for the department's own record: it may name the applicant, and the ledger, copied
 * to every peer and never forgotten, could not erase it when the DPDP Act 2023 requires.
 */
@Service
public class RevocationService {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationService.class);

    /** The longest officer's note kept with a revocation (the column's width). */
    public static final int MAX_NOTE_LENGTH = 256;

    private final Certificates certificates;
    private final Clock clock;

    public RevocationService(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    @Transactional
    public Certificate revoke(String id, String code, String reason, Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        Certificate certificate = certificates.find(id).filter(c -> caller.mayActFor(c.department()))
                .orElseThrow(() -> new NotFoundException("no certificate " + id));
        ReasonCode reasonCode;
        try {
            reasonCode = ReasonCode.valueOf((code == null ? "OTHER" : code).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "reason code must be one of " + java.util.Arrays.toString(ReasonCode.values()));
        }
        if (reason == null || reason.isBlank() || reason.length() > MAX_NOTE_LENGTH) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "a revocation needs a note of 1 to " + MAX_NOTE_LENGTH
                    + " characters (kept by the department only; the ledger records the code)");
        }
        certificate.revoke(reasonCode, reason.strip(), clock.instant());
        if (!certificates.recordRevocationAndEnqueue(certificate, caller.actor())) {
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is already revoked");
        }
        LOG.info("certificate {} revoked by {} ({})", id, caller.actor(), reasonCode);
        return certificates.find(id).orElseThrow();
    }
}
