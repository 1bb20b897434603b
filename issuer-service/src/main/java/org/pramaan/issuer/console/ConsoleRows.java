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

    /** One row of the queue: the application, its service-level clock and its applicant's masked number. */
    record QueueRow(Application application, String serviceName, Due due, boolean overdue, String phone) {

        /** The short reference, or the id of an application stored before references (until the backfill ran). */
        public String reference() {
            return application.reference() == null ? application.id().toString() : application.reference().value();
        }
    }

    /**
     * The service level as a person says it: the message key ({@code due.daysLeft}, {@code due.hoursLeft},
     * {@code due.overdueDays}, {@code due.overdueHours}) and its number. Days from two days on, whole days
     * rounded down (167 hours is "6 days left", never more than is true); hours below that.
     */
    record Due(String key, long amount) {

        static Due of(Duration left) {
            boolean overdue = left.isNegative();
            Duration d = left.abs();
            if (d.toHours() >= 48) {
                return new Due(overdue ? "due.overdueDays" : "due.daysLeft", d.toDays());
            }
            return new Due(overdue ? "due.overdueHours" : "due.hoursLeft", d.toHours());
        }
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
        return new QueueRow(a, serviceName(catalog, a.serviceCode(), language), Due.of(Duration.between(now, a.dueAt())),
                a.overdue(now), a.phone().shownMasked());
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
                // A choice (category, purpose) reads as its label in the console's language, not its code.
                String shown = field.validation().option(value).map(o -> o.labels().in(language)).orElse(value);
                rows.add(new FieldRow(field.labels().in(language), shown));
            }
        }
        return rows;
    }
}
