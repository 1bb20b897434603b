package org.pramaan.bridge.issuer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.service.correlation.Correlation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * issuer-service's HTTP API as the bridge uses it (issuer-service README), declared once: Spring makes the client
 * from these annotations ({@link IssuerHttp}), and Jackson reads the answers into the records below. Callers use
 * {@link IssuerClient}, which adds retries and the error mapping.
 */
@HttpExchange(url = "/api/v1", accept = "application/json")
public interface IssuerApi {

    @GetExchange("/catalog")
    ResponseEntity<Catalog> catalog(@RequestHeader(name = "If-None-Match", required = false) String etag);

    @PostExchange(url = "/applications", contentType = "application/json")
    IssuerClient.Submitted submit(@RequestBody SubmissionBody body,
            @RequestHeader(name = Correlation.HEADER, required = false) String correlationId);

    /** One supporting document's bytes, before the application that names it. */
    @PostExchange(url = "/applications/documents")
    DocumentUploaded uploadDocument(@RequestParam("serviceCode") String serviceCode,
            @RequestParam("document") String document,
            @RequestHeader(name = "Content-Type") String contentType, @RequestBody byte[] bytes,
            @RequestHeader(name = Correlation.HEADER, required = false) String correlationId);

    @GetExchange("/applications")
    Applications applications(@RequestParam("phoneNumber") String phoneNumber);

    @GetExchange("/certificates")
    Certificates certificates(@RequestParam("phoneNumber") String phoneNumber);

    /** A certificate's PDF at an absolute address (a delivery's {@code pdfUrl}), overriding the base URL. */
    @GetExchange(accept = "application/pdf")
    byte[] pdf(URI address);

    /** The body of {@code POST /api/v1/applications}. */
    record SubmissionBody(String serviceCode, String phoneNumber, String language, Map<String, String> fields,
            String channelReference, List<IssuerClient.DocumentReference> documents) {
    }

    /** The issuer's answer to an upload: the file's SHA-256 (hex) and size, as the application then names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentUploaded(String document, String sha256, long size, String mimeType) {
    }

    /** {@code {"applications": [...]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Applications(List<IssuerClient.Application> applications) {
        public Applications {
            applications = applications == null ? List.of() : List.copyOf(applications);
        }
    }

    /** {@code {"certificates": [...]}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Certificates(List<IssuerClient.Certificate> certificates) {
        public Certificates {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }
}
