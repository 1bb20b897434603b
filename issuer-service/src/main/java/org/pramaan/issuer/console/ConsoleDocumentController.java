package org.pramaan.issuer.console;

import org.pramaan.issuer.application.Application;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.document.DocumentResponses;
import org.pramaan.issuer.document.DocumentService;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Opens a supporting document from the application page: the signed-in officer's department only. */
@Controller
public class ConsoleDocumentController {

    private final ApplicationService applications;
    private final DocumentService documents;

    public ConsoleDocumentController(ApplicationService applications, DocumentService documents) {
        this.applications = applications;
        this.documents = documents;
    }

    @GetMapping("/console/applications/{id}/documents/{document}")
    public ResponseEntity<byte[]> open(@PathVariable String id, @PathVariable String document) {
        Caller caller = CurrentCaller.get();
        Application application = applications.find(id, caller);
        return DocumentResponses.of(documents.read(application.id(), application.department(), document, caller));
    }
}
