package org.pramaan.issuer.pdf.signature;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development timestamp authority over HTTP (RFC 3161 section 3.4): {@code POST /api/v1/tsa} with an
 * {@code application/timestamp-query} body answers {@code application/timestamp-reply}. Anonymous, as
 * TSAs are (it changes nothing); answered only while the development TSA runs, 404 otherwise.
 */
@RestController
public class TimestampController {

    /** A SHA-512 request with every option is under 200 bytes: anything much larger is not a request. */
    static final int MAX_REQUEST = 4096;
    static final MediaType QUERY = MediaType.parseMediaType("application/timestamp-query");
    static final MediaType REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final DepartmentSeal seal;

    public TimestampController(DepartmentSeal seal) {
        this.seal = seal;
    }

    @PostMapping(path = "/api/v1/tsa")
    public ResponseEntity<?> timestamp(HttpServletRequest request) throws IOException {
        if (seal.developmentTsa().isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "tsa-not-running",
                    "this service runs no timestamp authority (only with development keys and no PDF_SIGNATURE_TSA_URL)");
        }
        if (request.getContentType() == null || !QUERY.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-timestamp-query",
                    "send an RFC 3161 TimeStampReq as application/timestamp-query");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST + 1);
        }
        if (body.length > MAX_REQUEST) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "timestamp-query-too-large",
                    "a timestamp request is at most " + MAX_REQUEST + " bytes");
        }
        try {
            return ResponseEntity.ok().contentType(REPLY).body(seal.developmentTsa().get().respond(body));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-timestamp-query", "the body is not a DER TimeStampReq");
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(java.net.URI.create("urn:pramaan:problem:" + code));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
