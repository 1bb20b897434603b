package org.pramaan.issuer.certificate;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.util.Map;
import java.util.UUID;
import org.pramaan.credential.Language;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.catalog.ServiceDefinition;

/**
 * What to certify: a certificate service, the validated values to print (without the holder name),
 * the holder, the citizen's language and WhatsApp number, and the application it answers (or null
 * when a department system issues directly).
 */
public record IssueCommand(ServiceDefinition service, String holderName, Map<String, String> fields,
                           Language language, PhoneNumber phone, UUID applicationId) {

    public IssueCommand {
        if (service.certificate() == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "service " + service.code() + " does not issue certificates");
        }
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
