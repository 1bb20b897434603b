package org.pramaan.issuer.web;

import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.document.DocumentResponses;
import org.pramaan.issuer.document.DocumentService;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supporting documents of applications: the bridge (or a department system) uploads each file before submitting the
 * application that names it; officers of the application's department read them.
 */
@RestController
public class DocumentController {

    /** The path uploads come to; its body cap is the document limit, not the forms' 1 MiB. */
    public static final String UPLOAD = "/api/v1/applications/documents";

    private final DocumentService documents;
    private final ApplicationService applications;

    public DocumentController(DocumentService documents, ApplicationService applications) {
        this.documents = documents;
        this.applications = applications;
    }

    /**
     * One file, as the raw body with its media type ({@code application/pdf}, {@code image/jpeg}, {@code image/png}),
     * for {@code document} of {@code serviceCode}: 201 with its {@code sha256} and {@code size}, which the application
     * then names. The same bytes again are the same object.
     */
    @PostMapping(UPLOAD)
    public ResponseEntity<DocumentService.Uploaded> upload(@RequestParam String serviceCode,
            @RequestParam String document,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody byte[] body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(documents.upload(serviceCode, document, contentType, body, CurrentCaller.get()));
    }

    /** A document's bytes, for an officer of the application's department (404 for anyone else's). */
    @GetMapping("/api/v1/applications/{id}/documents/{document}")
    public ResponseEntity<byte[]> read(@PathVariable String id, @PathVariable String document) {
        Caller caller = CurrentCaller.get();
        Application application = applications.find(id, caller);
        return DocumentResponses.of(documents.read(application.id(), application.department(), document, caller));
    }
}
