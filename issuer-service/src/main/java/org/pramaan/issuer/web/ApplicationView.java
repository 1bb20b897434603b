package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.Transition;

/** An application as the API shows it. The phone number is masked: the channel knows it already. */
public record ApplicationView(UUID id, String service, String department, String language, String status,
                              String holderName, Map<String, String> fields, String phoneNumber, Instant submittedAt,
                              Instant dueAt, Instant decidedAt, String decisionReason, String certificateId,
                              List<Transition> transitions) {

    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id(), a.serviceCode(), a.department().value(), a.language().code(),
                a.status().name(), a.holderName(), a.fields(), a.phone().masked(), a.submittedAt(), a.dueAt(),
                a.decidedAt(), a.decisionReason(), a.certificateId(), a.transitions());
    }
}
