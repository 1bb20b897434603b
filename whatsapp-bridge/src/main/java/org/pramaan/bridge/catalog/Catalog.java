package org.pramaan.bridge.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** issuer-service's catalog (GET /api/v1/catalog): departments, their services and the services' forms. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Catalog(List<Department> departments) {

    public Catalog {
        departments = departments == null ? List.of() : List.copyOf(departments);
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
            Localized titles, List<Localized> documents, List<Field> fields) {
        public CertificateSpec {
            documents = documents == null ? List.of() : List.copyOf(documents);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String key, String type, Boolean required, Boolean onCertificate, Localized labels,
            String example, Validation validation) {
        public Validation rules() {
            return validation == null ? Validation.NONE : validation;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Validation(Integer minLength, Integer maxLength, Double min, Double max, String pattern,
            List<Option> options, Boolean notAfterToday) {
        static final Validation NONE = new Validation(null, null, null, null, null, List.of(), false);

        public Validation {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String value, Localized labels) {
    }
}
