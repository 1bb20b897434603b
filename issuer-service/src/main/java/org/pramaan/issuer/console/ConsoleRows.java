package org.pramaan.issuer.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.issuer.application.Application;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.ServiceDefinition;

/** What console pages print, already in the officer's language. */
final class ConsoleRows {

    /** One row of the queue: the application and its service-level clock. */
    record QueueRow(Application application, String serviceName, long hoursLeft, boolean overdue) {
    }

    /** One printed field: label and value. */
    record FieldRow(String label, String value) {
    }

    private ConsoleRows() {
    }

    static String serviceName(Catalog catalog, String code, Language language) {
        return catalog.service(code).map(s -> s.names().in(language)).orElse(code);
    }

    static QueueRow queueRow(Catalog catalog, Application a, Language language, Instant now) {
        long hours = Duration.between(now, a.dueAt()).toHours();
        return new QueueRow(a, serviceName(catalog, a.serviceCode(), language), hours, a.overdue(now));
    }

    static List<FieldRow> fields(Catalog catalog, String serviceCode, Map<String, String> values, Language language) {
        List<FieldRow> rows = new ArrayList<>();
        CertificateForm form = catalog.service(serviceCode).map(ServiceDefinition::certificate).orElse(null);
        if (form == null) {
            values.forEach((k, v) -> rows.add(new FieldRow(k, v)));
            return rows;
        }
        for (FormField field : form.fields()) {
            String value = values.get(field.key());
            if (value != null) {
                rows.add(new FieldRow(field.labels().in(language), value));
            }
        }
        return rows;
    }
}
