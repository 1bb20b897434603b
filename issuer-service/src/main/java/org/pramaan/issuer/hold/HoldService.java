package org.pramaan.issuer.hold;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.time.Clock;
import java.util.Locale;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.CertificateStatus;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.RevocationService;
import org.pramaan.issuer.security.Caller;
import org.pramaan.service.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a certificate on hold while its department checks it, and releases it. Recorded here at
 * once (with the officer's note, which stays here) and on the ledger through the hold outbox, where
 * only the code goes; verifiers answer ON_HOLD until the department releases or revokes.
 */
@Service
public class HoldService {

    private static final Logger LOG = LoggerFactory.getLogger(HoldService.class);

    private final Certificates certificates;
    private final Holds holds;
    private final Clock clock;

    public HoldService(Certificates certificates, Holds holds, Clock clock) {
        this.certificates = certificates;
        this.holds = holds;
        this.clock = clock;
    }

    @Transactional
    public Certificate hold(String id, String code, String note, Caller caller) {
        Certificate certificate = changeable(id, caller);
        HoldCode holdCode;
        try {
            holdCode = HoldCode.valueOf((code == null ? "" : code).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "hold code must be one of " + java.util.Arrays.toString(HoldCode.values()));
        }
        if (note != null && note.length() > RevocationService.MAX_NOTE_LENGTH) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "a note has at most " + RevocationService.MAX_NOTE_LENGTH + " characters");
        }
        if (holds.holdCode(id) != null) {
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is already on hold");
        }
        holds.record(certificate, HoldAction.HOLD, holdCode.name(), blankToNull(note), caller.actor(), clock.instant());
        LOG.info("certificate {} put on hold by {} ({})", id, caller.actor(), holdCode);
        return certificates.find(id).orElseThrow();
    }

    @Transactional
    public Certificate release(String id, String note, Caller caller) {
        Certificate certificate = changeable(id, caller);
        if (holds.holdCode(id) == null) {
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is not on hold");
        }
        holds.record(certificate, HoldAction.RELEASE, null, blankToNull(note), caller.actor(), clock.instant());
        LOG.info("certificate {} released by {}", id, caller.actor());
        return certificates.find(id).orElseThrow();
    }

    private Certificate changeable(String id, Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        Certificate certificate = certificates.find(id).filter(c -> caller.mayActFor(c.department()))
                .orElseThrow(() -> new NotFoundException("no certificate " + id));
        if (certificate.status() == CertificateStatus.REVOKED) {
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is revoked");
        }
        return certificate;
    }

    private static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }
}
