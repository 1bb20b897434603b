package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.UUID;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.ApplicationStatus;

/** One line of a citizen's application list for the bridge: where it stands, nothing personal. */
public record ApplicationSummary(UUID id, String reference, String status, String serviceCode, Instant submittedAt,
                                 Instant decidedAt, String rejectionCode, String rejectionReason, String certificateId) {

    public static ApplicationSummary of(Application a) {
        return new ApplicationSummary(a.id(), reference(a), a.status().name(), a.serviceCode(), a.submittedAt(),
                a.decidedAt(), rejectionCode(a), rejectionReason(a), a.certificateId());
    }

    static String reference(Application a) {
        return a.reference() == null ? null : a.reference().value();
    }

    /** A rejection's code (the bridge words it in the citizen's language); null for other decisions. */
    static String rejectionCode(Application a) {
        return a.status() == ApplicationStatus.REJECTED && a.rejectionCode() != null ? a.rejectionCode().name() : null;
    }

    /** The decision's reason is the rejection's; other decisions carry none. */
    static String rejectionReason(Application a) {
        return a.status() == ApplicationStatus.REJECTED ? a.decisionReason() : null;
    }
}
