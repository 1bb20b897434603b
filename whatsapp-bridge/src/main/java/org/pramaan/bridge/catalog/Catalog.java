package org.pramaan.bridge.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;
import org.pramaan.catalog.SupportingDocument;

/**
 * issuer-service's catalog (GET /api/v1/catalog) as the bridge reads it: departments, their services and the
 * services' forms. The form fields and texts are the catalog module's own model ({@link FormField},
 * {@link Localized}), read straight from the JSON, so the bridge checks answers against exactly what the issuer
 * checks submissions against.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Catalog(List<Department> departments) {

    public Catalog {
        if (departments == null) {
            throw new IllegalArgumentException("catalog without a \"departments\" array");
        }
        departments = List.copyOf(departments);
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Service> service(String code) {
        return departments.stream().flatMap(d -> d.services().stream()).filter(s -> s.code().equals(code)).findFirst();
    }

    public List<Service> services() {
        return departments.stream().flatMap(d -> d.services().stream()).toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Department(String code, Localized names, List<Service> services) {
        public Department {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String code, String kind, Localized names, Localized descriptions, Keywords keywords,
            Information information, CertificateSpec certificate) {

        public boolean canApply() {
            return certificate != null && !certificate.fields().isEmpty();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Keywords(List<String> en, List<String> te, List<String> hi, List<String> translit) {
        public List<String> all() {
            return java.util.stream.Stream.of(en, te, hi, translit).filter(java.util.Objects::nonNull)
                    .flatMap(List::stream).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Information(Localized text, String link) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CertificateSpec(String type, String approval, Integer serviceLevelDays, Integer validityDays,
            Localized titles, List<SupportingDocument> documents, List<FormField> fields) {
        public CertificateSpec {
            documents = documents == null ? List.of() : List.copyOf(documents);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        /** The documents the chat asks for, in catalog order. */
        public List<SupportingDocument> askedDocuments() {
            return documents.stream().filter(SupportingDocument::asked).toList();
        }
    }
}
