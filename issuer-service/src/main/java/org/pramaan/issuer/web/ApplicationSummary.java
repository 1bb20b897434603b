package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.UUID;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.ApplicationStatus;

/** One line of a citizen's application list for the bridge: where it stands, nothing personal. */
public record ApplicationSummary(UUID id, String status, String serviceCode, Instant submittedAt, Instant decidedAt,
                                 String rejectionReason, String certificateId) {

    public static ApplicationSummary of(Application a) {
        return new ApplicationSummary(a.id(), a.status().name(), a.serviceCode(), a.submittedAt(), a.decidedAt(),
                rejectionReason(a), a.certificateId());
    }

    /** The decision's reason is the rejection's; other decisions carry none. */
    static String rejectionReason(Application a) {
        return a.status() == ApplicationStatus.REJECTED ? a.decisionReason() : null;
    }
}
