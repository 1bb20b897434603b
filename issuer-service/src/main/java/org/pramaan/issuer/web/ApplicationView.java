package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.Transition;

/**
 * An application as the API shows it, with the contract's names ({@code serviceCode},
 * {@code serviceLevelDue}, {@code rejectionReason}). The phone number is masked: the channel knows it already.
 * {@code reference} is the short one people read out ({@code REV-7K3Q-92XM-P}); either it or {@code id} finds it.
 * A rejection has its {@code rejectionCode} and, when the officer wrote one, its note as {@code rejectionReason}.
 */
public record ApplicationView(UUID id, String reference, String serviceCode, String department, String language,
                              String status, String holderName, Map<String, String> fields, String phoneNumber,
                              Instant submittedAt, Instant serviceLevelDue, Instant decidedAt, String rejectionCode,
                              String rejectionReason, String certificateId, List<Transition> transitions) {

    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id(), ApplicationSummary.reference(a), a.serviceCode(), a.department().value(),
                a.language().code(), a.status().name(), a.holderName(), a.fields(), a.phone().masked(),
                a.submittedAt(), a.dueAt(), a.decidedAt(), ApplicationSummary.rejectionCode(a),
                ApplicationSummary.rejectionReason(a), a.certificateId(), a.transitions());
    }
}
