package org.pramaan.bridge.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.bridge.citizen.ApplicationOwners;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.NumberChanges;
import org.pramaan.bridge.citizen.NumberChanges.Span;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.issuer.IssuerClient.Application;
import org.pramaan.bridge.issuer.IssuerClient.Certificate;
import org.springframework.stereotype.Component;

/**
 * A citizen's applications and certificates at the issuer, which files them under phone numbers. A person who
 * changed number finds their records under the old one too; a person who got a number someone gave up finds only
 * what is theirs. An application belongs to whoever submitted it through the chat when the bridge knows that, else
 * to whoever held the number when it was submitted; a certificate goes with its application.
 */
@Component
public class CitizenRecords {

    private final IssuerClient issuer;
    private final NumberChanges numbers;
    private final ApplicationOwners owners;

    public CitizenRecords(IssuerClient issuer, NumberChanges numbers, ApplicationOwners owners) {
        this.issuer = issuer;
        this.numbers = numbers;
        this.owners = owners;
    }

    /** Newest first. */
    public List<Application> applications(Citizen citizen) {
        List<Application> mine = new ArrayList<>();
        for (Span span : spans(citizen)) {
            issuer.applications(span.number()).stream().filter(a -> belongs(citizen, span, a)).forEach(mine::add);
        }
        mine.sort(Comparator.comparing(Application::submitted,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return mine;
    }

    /** Newest first, each certificate once. */
    public List<Certificate> certificates(Citizen citizen) {
        Map<String, Certificate> mine = new LinkedHashMap<>();
        List<Span> spans = spans(citizen);
        for (Span span : spans) {
            List<Certificate> certificates = issuer.certificates(span.number());
            if (certificates.isEmpty()) {
                continue;
            }
            // Only a number that changed hands needs the applications to tell whose certificate is whose.
            boolean shared = spans.size() > 1 || span.from() != null;
            Map<String, Application> byCertificate = new LinkedHashMap<>();
            if (shared) {
                issuer.applications(span.number()).stream().filter(a -> a.certificateId() != null)
                        .forEach(a -> byCertificate.put(a.certificateId(), a));
            }
            for (Certificate c : certificates) {
                Application application = byCertificate.get(c.id());
                boolean belongs = !shared || (application != null ? belongs(citizen, span, application)
                        : span.covers(c.issued()));
                if (belongs) {
                    mine.putIfAbsent(c.id(), c);
                }
            }
        }
        List<Certificate> list = new ArrayList<>(mine.values());
        list.sort(Comparator.comparing(Certificate::issued,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return list;
    }

    public Optional<Certificate> certificate(Citizen citizen, String certificateId) {
        return certificates(citizen).stream().filter(c -> c.id().equals(certificateId)).findFirst();
    }

    private List<Span> spans(Citizen citizen) {
        if (citizen.phone() == null) {
            return List.of(new Span(citizen.recipient(), null, null)); // the issuer files by phone number only
        }
        return numbers.spans(citizen.id());
    }

    private boolean belongs(Citizen citizen, Span span, Application a) {
        Optional<String> owner = owners.owner(a.id());
        if (owner.isPresent()) {
            return owner.get().equals(citizen.id());
        }
        Instant submitted = a.submitted();
        return submitted == null ? span.from() == null : span.covers(submitted);
    }
}
