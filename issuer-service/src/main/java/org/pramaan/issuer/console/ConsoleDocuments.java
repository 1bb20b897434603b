package org.pramaan.issuer.console;

import java.util.List;
import java.util.Locale;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.document.ApplicationDocument;
import org.pramaan.issuer.document.DocumentService;
import org.springframework.stereotype.Component;

/**
 * The application page's documents, as the template reads them ({@code ${@consoleDocuments.rows(a, #locale)}}):
 * each stored one with its name in the console's language, its kind, size and link, and the required ones missing.
 */
@Component("consoleDocuments")
public class ConsoleDocuments {

    private final DocumentService documents;
    private final Catalog catalog;

    public ConsoleDocuments(DocumentService documents, Catalog catalog) {
        this.documents = documents;
        this.catalog = catalog;
    }

    /** One stored document: {@code kind} is {@code pdf} or {@code image}; {@code size} as people read it. */
    public record Row(String key, String name, String kind, String size, String fileName, String href) {
    }

    public List<Row> rows(Application a, Locale locale) {
        return documents.of(a.id()).stream().map(d -> row(a, d, locale)).toList();
    }

    /** The names of the required documents the application lacks; empty when none. */
    public List<String> missing(Application a, Locale locale) {
        return documents.missing(a.id(), a.serviceCode()).stream().map(d -> d.labels().in(locale.getLanguage())).toList();
    }

    private Row row(Application a, ApplicationDocument d, Locale locale) {
        String name = catalog.service(a.serviceCode()).flatMap(s -> s.certificate().document(d.documentKey()))
                .map(SupportingDocument::labels).map(l -> l.in(locale.getLanguage())).orElse(d.documentKey());
        String kind = "application/pdf".equals(d.mimeType()) ? "pdf" : "image";
        return new Row(d.documentKey(), name, kind, size(d.size()), d.fileName(),
                "/console/applications/" + a.id() + "/documents/" + d.documentKey());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
