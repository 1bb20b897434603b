package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.Transition;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.issuer.document.ApplicationDocument;
import org.pramaan.issuer.document.DocumentService;

/**
 * An application as the API shows it, with the contract's names ({@code serviceCode},
 * {@code serviceLevelDue}, {@code rejectionReason}). The phone number is masked: the channel knows it already.
 * {@code reference} is the short one people read out ({@code REV-7K3Q-92XM-P}); either it or {@code id} finds it.
 * A rejection has its {@code rejectionCode} and, when the officer wrote one, its note as {@code rejectionReason}.
 * {@code documents} lists the supporting documents stored with it (metadata only; the bytes are for officers, at
 * {@code /api/v1/applications/{id}/documents/{document}}) and {@code missingDocuments} the required ones it lacks; both
 * are null in lists (queue, search), which do not look them up.
 */
public record ApplicationView(UUID id, String reference, String serviceCode, String department, String language,
                              String status, String holderName, Map<String, String> fields, String phoneNumber,
                              Instant submittedAt, Instant serviceLevelDue, Instant decidedAt, String rejectionCode,
                              String rejectionReason, String certificateId, List<Transition> transitions,
                              List<DocumentView> documents, List<String> missingDocuments) {

    /** One stored supporting document: the catalog's key, the file's type, size, SHA-256 and name, when it came. */
    public record DocumentView(String document, String mimeType, long size, String sha256, String fileName,
                               Instant receivedAt) {

        static DocumentView of(ApplicationDocument d) {
            return new DocumentView(d.documentKey(), d.mimeType(), d.size(), d.sha256Hex(), d.fileName(),
                    d.receivedAt());
        }
    }

    /** For lists: without the documents. */
    public static ApplicationView of(Application a) {
        return of(a, null, null);
    }

    /** One application with its documents. */
    public static ApplicationView of(Application a, DocumentService documents) {
        return of(a, documents.of(a.id()).stream().map(DocumentView::of).toList(),
                documents.missing(a.id(), a.serviceCode()).stream().map(SupportingDocument::key).toList());
    }

    private static ApplicationView of(Application a, List<DocumentView> documents, List<String> missing) {
        return new ApplicationView(a.id(), ApplicationSummary.reference(a), a.serviceCode(), a.department().value(),
                a.language().code(), a.status().name(), a.holderName(), a.fields(), a.phone().masked(),
                a.submittedAt(), a.dueAt(), a.decidedAt(), ApplicationSummary.rejectionCode(a),
                ApplicationSummary.rejectionReason(a), a.certificateId(), a.transitions(), documents, missing);
    }
}
