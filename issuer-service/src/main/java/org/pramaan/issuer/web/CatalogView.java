package org.pramaan.issuer.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.catalog.ServiceDefinition;

/**
 * The catalog as the bridge reads it (interfaces.md): the data format's own shape in JSON, each
 * department with its services. Built in a fixed order, so that the same catalog always gives the
 * same bytes (and ETag).
 */
public record CatalogView(List<DepartmentView> departments) {

    /** Keyword lists the contract always carries, empty when the catalog has none. */
    private static final List<String> KEYWORD_LISTS = List.of("en", "te", "hi", "translit");

    public record DepartmentView(String code, Localized names, List<ServiceView> services) {
    }

    public record ServiceView(String code, String department, String kind, Localized names, Localized descriptions,
                              Map<String, List<String>> keywords, InformationView information, FormView certificate) {
    }

    public record InformationView(Localized text, String link) {
    }

    public record FormView(String type, String approval, int serviceLevelDays, Integer validityDays, String template,
                           Localized titles, List<SupportingDocument> documents, List<FieldView> fields) {
    }

    public record FieldView(String key, String type, boolean required, boolean onCertificate, Localized labels,
                            String example, ValidationView validation) {
    }

    public record ValidationView(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
                                 List<FieldRules.EnumOption> options, Boolean notAfterToday) {
    }

    public static CatalogView of(Catalog catalog) {
        return new CatalogView(catalog.departments().stream()
                .map(d -> new DepartmentView(d.code().value(), d.names(), catalog.services().stream()
                        .filter(s -> s.department().equals(d.code())).map(CatalogView::service).toList()))
                .toList());
    }

    private static ServiceView service(ServiceDefinition s) {
        return new ServiceView(s.code(), s.department().value(), s.kind().name().toLowerCase(), s.names(),
                s.descriptions(), keywords(s.keywords()),
                s.information() == null ? null : new InformationView(s.information().text(), s.information().link()),
                s.certificate() == null ? null : form(s.certificate()));
    }

    private static Map<String, List<String>> keywords(Map<String, List<String>> given) {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        KEYWORD_LISTS.forEach(k -> ordered.put(k, given.getOrDefault(k, List.of())));
        new TreeMap<>(given).forEach(ordered::putIfAbsent);
        return ordered;
    }

    private static FormView form(CertificateForm f) {
        return new FormView(f.type(), f.approval().name().toLowerCase(), f.serviceLevelDays(), f.validityDays(),
                f.template(), f.titles(), f.documents(), f.fields().stream().map(CatalogView::field).toList());
    }

    private static FieldView field(FormField f) {
        FieldRules v = f.validation();
        return new FieldView(f.key(), f.type().name().toLowerCase(), f.required(), f.onCertificate(), f.labels(),
                f.example(), new ValidationView(v.minLength(), v.maxLength(), v.min(), v.max(),
                v.pattern() == null ? null : v.pattern().pattern(), v.options(), v.notAfterToday() ? Boolean.TRUE : null));
    }
}
