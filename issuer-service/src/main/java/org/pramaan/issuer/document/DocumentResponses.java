package org.pramaan.issuer.document;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored document is handed to an officer's browser, from the API and the console alike. A citizen's file is
 * untrusted content: a PDF is always downloaded (attachment), never rendered in the console's origin; a photo is shown
 * inline under a CSP that allows nothing but the image itself; no type sniffing; never cached by a shared cache.
 */
public final class DocumentResponses {

    static final String IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private DocumentResponses() {
    }

    public static ResponseEntity<byte[]> of(DocumentService.Served served) {
        ApplicationDocument d = served.document();
        boolean pdf = "application/pdf".equals(d.mimeType());
        String name = d.documentKey() + (pdf ? ".pdf" : d.mimeType().equals("image/png") ? ".png" : ".jpg");
        ContentDisposition disposition = (pdf ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(name, StandardCharsets.UTF_8).build();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mimeType()))
                .contentLength(served.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        if (!pdf) {
            answer.header("Content-Security-Policy", IMAGE_CSP);
        }
        return answer.body(served.bytes());
    }
}
