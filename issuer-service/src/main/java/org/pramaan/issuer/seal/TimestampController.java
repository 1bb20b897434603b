package org.pramaan.issuer.seal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.Problems;
import org.springframework.http.MediaType;
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
            return Problems.answer(ProblemCode.NOT_FOUND,
                    "this service runs no timestamp authority (only with development keys and no PDF_SIGNATURE_TSA_URL)");
        }
        if (request.getContentType() == null || !QUERY.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
            return Problems.answer(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "send an RFC 3161 TimeStampReq as application/timestamp-query");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_REQUEST + 1);
        }
        if (body.length > MAX_REQUEST) {
            return Problems.answer(ProblemCode.TOO_LARGE,
                    "a timestamp request is at most " + MAX_REQUEST + " bytes");
        }
        try {
            return ResponseEntity.ok().contentType(REPLY).body(seal.developmentTsa().get().respond(body));
        } catch (IllegalArgumentException e) {
            return Problems.answer(ProblemCode.BAD_REQUEST, "the body is not a DER RFC 3161 TimeStampReq");
        }
    }
}
