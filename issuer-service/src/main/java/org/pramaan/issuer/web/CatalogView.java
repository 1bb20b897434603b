package org.pramaan.issuer.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.pramaan.issuer.catalog.Catalog;
import org.pramaan.issuer.catalog.CertificateForm;
import org.pramaan.issuer.catalog.FieldValidation;
import org.pramaan.issuer.catalog.FormField;
import org.pramaan.issuer.catalog.Localized;
import org.pramaan.issuer.catalog.ServiceDefinition;

/** The catalog as the bridge reads it: the data format's own shape, in JSON. */
public record CatalogView(List<DepartmentView> departments, List<ServiceView> services) {

    public record DepartmentView(String code, Localized names) {
    }

    public record ServiceView(String code, String department, String kind, Localized names, Localized descriptions,
                              Map<String, List<String>> keywords, InformationView information, FormView certificate) {
    }

    public record InformationView(Localized text, String link) {
    }

    public record FormView(String type, String approval, int serviceLevelDays, Integer validityDays, String template,
                           Localized titles, List<Localized> documents, List<FieldView> fields) {
    }

    public record FieldView(String key, String type, boolean required, boolean onCertificate, Localized labels,
                            String example, ValidationView validation) {
    }

    public record ValidationView(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern,
                                 List<FieldValidation.EnumOption> options, Boolean notAfterToday) {
    }

    public static CatalogView of(Catalog catalog) {
        return new CatalogView(
                catalog.departments().stream().map(d -> new DepartmentView(d.code().value(), d.names())).toList(),
                catalog.services().stream().map(CatalogView::service).toList());
    }

    private static ServiceView service(ServiceDefinition s) {
        return new ServiceView(s.code(), s.department().value(), s.kind().name().toLowerCase(), s.names(),
                s.descriptions(), s.keywords(),
                s.information() == null ? null : new InformationView(s.information().text(), s.information().link()),
                s.certificate() == null ? null : form(s.certificate()));
    }

    private static FormView form(CertificateForm f) {
        return new FormView(f.type(), f.approval().name().toLowerCase(), f.serviceLevelDays(), f.validityDays(),
                f.template(), f.titles(), f.documents(), f.fields().stream().map(CatalogView::field).toList());
    }

    private static FieldView field(FormField f) {
        FieldValidation v = f.validation();
        return new FieldView(f.key(), f.type().name().toLowerCase(), f.required(), f.onCertificate(), f.labels(),
                f.example(), new ValidationView(v.minLength(), v.maxLength(), v.min(), v.max(),
                v.pattern() == null ? null : v.pattern().pattern(), v.options(), v.notAfterToday() ? Boolean.TRUE : null));
    }
}
