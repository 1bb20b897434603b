package org.pramaan.issuer.certificate;

import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.problem.ProblemCode;
import java.util.Map;
import java.util.UUID;
import org.pramaan.credential.Language;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.issuer.pdf.CertificateDocument.Signatory;

/**
 * What to certify: a certificate service, the validated values to print (without the holder name),
 * the holder, the citizen's language and WhatsApp number, the application it answers (or null
 * when a department system issues directly), and the officer who approved it, printed on the
 * certificate (null when no officer did: a department system's or an automatic issue).
 */
public record IssueCommand(ServiceDefinition service, String holderName, Map<String, String> fields,
                           Language language, PhoneNumber phone, UUID applicationId, Signatory signatory) {

    /** Without an officer. */
    public IssueCommand(ServiceDefinition service, String holderName, Map<String, String> fields, Language language,
                        PhoneNumber phone, UUID applicationId) {
        this(service, holderName, fields, language, phone, applicationId, null);
    }

    public IssueCommand {
        if (service.certificate() == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "service " + service.code() + " does not issue certificates");
        }
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
