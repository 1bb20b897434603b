package org.pramaan.bridge.issuer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pramaan.bridge.config.IssuerProperties;
import org.pramaan.service.correlation.Correlation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * issuer-service's applications and certificates API as the bridge uses it (issuer-service README), through the
 * typed {@link IssuerApi}. Reads are retried (three times, with backoff) on a network failure or a 5xx; a
 * submission is sent once, since the issuer answers a repeat by its channel reference anyway. Every failure
 * becomes an {@link IssuerException}; a 422 becomes {@link Rejected} with the refused fields.
 */
@Component
public class IssuerClient {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final IssuerProperties properties;
    private final IssuerApi api;
    // Reads are safe to repeat; a network blip should not cost the citizen an error message.
    private final RetryPolicy<Object> readRetry = RetryPolicy.builder()
            .handle(ResourceAccessException.class, HttpServerErrorException.class)
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)).withMaxRetries(3).build();

    public IssuerClient(IssuerProperties properties) {
        this.properties = properties;
        this.api = IssuerHttp.api(properties, READ_TIMEOUT);
    }

    /** A form to submit; {@code correlationId} (may be null) goes as {@value Correlation#HEADER}. */
    public record Submission(String serviceCode, String phoneNumber, String language, Map<String, String> fields,
            String channelReference, String correlationId, List<DocumentReference> documents) {

        public Submission {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        /** A form without supporting documents. */
        public Submission(String serviceCode, String phoneNumber, String language, Map<String, String> fields,
                String channelReference, String correlationId) {
            this(serviceCode, phoneNumber, language, fields, channelReference, correlationId, List.of());
        }
    }

    /** A supporting document uploaded for an application, as the application names it. */
    public record DocumentReference(String document, String sha256, long size, String mimeType, String fileName) {
    }

    /** The issuer's answer to a submission ({@code 201}, or {@code 200} for a repeated channel reference). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submitted(String id, String status, String serviceLevelDue, String reference) {
        public Submitted {
            id = id == null ? "" : id;
            status = status == null ? "" : status;
        }

        /** The number a citizen can read out: the issuer's short reference when it gives one, else the id. */
        public String shownNumber() {
            return reference == null || reference.isBlank() ? id : reference;
        }
    }

    /**
     * A refused field: its key, the issuer's code (a {@code FieldRefusal} name, null from an issuer that sends none)
     * and the reason in the applicant's language.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String code, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Application(String id, String status, String serviceCode, String submittedAt, String decidedAt,
            String rejectionReason, String certificateId, String rejectionCode, String reference) {

        /** The number a citizen can read out: the issuer's short reference ({@code REV-7K3Q-92XM}), else the id. */
        public String shownNumber() {
            return reference == null || reference.isBlank() ? id : reference;
        }

        /** When it was submitted, or null when the issuer did not say. */
        public Instant submitted() {
            return instant(submittedAt);
        }
    }

    /**
     * A certificate as the issuer lists it: its status as the ledger was told (ISSUED, ANCHORED, REVOKED), the
     * revocation's code, the hold's code while the department checks it, and the certificate that replaced it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Certificate(String id, String serviceCode, String status, String issuedAt, String validUntil,
            String revocationCode, String holdCode, String replacedBy) {

        /** When it was issued, or null when the issuer did not say. */
        public Instant issued() {
            return instant(issuedAt);
        }

        /** When it stops being valid, or null when it never does (or the issuer did not say). */
        public Instant validTill() {
            return instant(validUntil);
        }
    }

    /** The issuer's timestamps are ISO-8601 instants (architecture.md); anything else counts as not given. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Thrown for 422: the issuer refused some fields, with reasons in the applicant's language. */
    public static final class Rejected extends IssuerException {
        private final List<FieldError> errors;

        public Rejected(List<FieldError> errors) {
            super("issuer refused fields " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public Submitted submit(Submission submission) {
        IssuerApi.SubmissionBody body = new IssuerApi.SubmissionBody(submission.serviceCode(),
                submission.phoneNumber(), submission.language(), submission.fields(), submission.channelReference(),
                submission.documents().isEmpty() ? null : submission.documents());
        String correlation = Correlation.valid(submission.correlationId()) ? submission.correlationId() : null;
        try {
            return api.submit(body, correlation);
        } catch (RestClientResponseException e) {
            IssuerProblem problem = IssuerProblem.of(e);
            if (e.getStatusCode().isSameCodeAs(HttpStatus.UNPROCESSABLE_CONTENT)) {
                throw new Rejected(problem.fieldErrors());
            }
            throw new IssuerException("issuer-service answered HTTP " + e.getStatusCode().value()
                    + " for /api/v1/applications: " + problem);
        } catch (RestClientException e) {
            throw new IssuerException("issuer-service unreachable or its answer unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Uploads one supporting document's bytes for {@code serviceCode}'s {@code document}; the same bytes again are the
     * same object, so a retry is harmless. Sent once: a failure leaves the application unsubmitted.
     */
    public DocumentReference uploadDocument(String serviceCode, String document, byte[] bytes, String mimeType,
            String fileName, String correlationId) {
        String correlation = Correlation.valid(correlationId) ? correlationId : null;
        try {
            IssuerApi.DocumentUploaded uploaded = api.uploadDocument(serviceCode, document, mimeType, bytes,
                    correlation);
            return new DocumentReference(document, uploaded.sha256(), uploaded.size(), mimeType, fileName);
        } catch (RestClientResponseException e) {
            throw new IssuerException("issuer-service answered HTTP " + e.getStatusCode().value()
                    + " for /api/v1/applications/documents: " + IssuerProblem.of(e));
        } catch (RestClientException e) {
            throw new IssuerException("issuer-service unreachable or its answer unreadable: " + e.getMessage(), e);
        }
    }

    public List<Application> applications(String phoneNumber) {
        return read("/api/v1/applications", () -> api.applications(phoneNumber)).applications();
    }

    public List<Certificate> certificates(String phoneNumber) {
        return read("/api/v1/certificates", () -> api.certificates(phoneNumber)).certificates();
    }

    /** Downloads a certificate PDF; accepts the absolute URL from a delivery or a path on the issuer. */
    /**
     * A certificate's PDF, named by a delivery's {@code pdfUrl} (or its path). Always read from this bridge's own
     * issuer ({@code ISSUER_BASE_URL}), whatever host the notice names: the notice carries the issuer's public
     * address, which may be another instance (gone since, as a killed one in the two-instance drill), a load
     * balancer the bridge does not use, or, in a forged notice, anywhere; the bridge's credentials go to its issuer
     * only.
     */
    public byte[] pdf(String urlOrPath) {
        String path = urlOrPath.startsWith("http") ? URI.create(urlOrPath).getRawPath() : urlOrPath;
        if (path == null || !path.startsWith("/api/v1/certificates/") || !path.endsWith("/pdf")) {
            throw new IssuerException("not a certificate PDF address: " + path);
        }
        URI address = URI.create(properties.baseUrl() + path);
        return read(path, () -> api.pdf(address));
    }

    public String pdfPath(String certificateId) {
        return properties.baseUrl() + "/api/v1/certificates/" + encode(certificateId) + "/pdf";
    }

    private <T> T read(String path, Supplier<T> call) {
        try {
            return Failsafe.with(readRetry).get(call::get);
        } catch (RestClientResponseException e) {
            throw new IssuerException("issuer-service answered HTTP " + e.getStatusCode().value() + " for " + path
                    + ": " + IssuerProblem.of(e));
        } catch (RestClientException e) {
            throw new IssuerException("issuer-service unreachable or its answer unreadable: " + e.getMessage(), e);
        } catch (FailsafeException e) {
            throw new IssuerException("reading " + path + " failed: " + e.getMessage(), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
