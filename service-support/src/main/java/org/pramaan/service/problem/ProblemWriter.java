package org.pramaan.service.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes a problem answer from a filter or a security handler, which answer before Spring MVC: the same body the
 * controllers' answers have, written by Spring's own JSON converter (it flattens the extension members as RFC 9457
 * asks), so no filter hand-builds JSON.
 */
public final class ProblemWriter {

    private static final JacksonJsonHttpMessageConverter JSON = new JacksonJsonHttpMessageConverter();

    private ProblemWriter() {
    }

    public static void write(HttpServletResponse response, ProblemCode code, String detail) throws IOException {
        write(response, Problems.of(code, detail), null);
    }

    public static void write(HttpServletResponse response, ProblemCode code, String detail, Duration retryAfter)
            throws IOException {
        write(response, Problems.of(code, detail), retryAfter);
    }

    /** Writes {@code problem} unless the response was already committed (then nothing can be said any more). */
    public static void write(HttpServletResponse response, ProblemDetail problem, Duration retryAfter)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (retryAfter != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Problems.retrySeconds(retryAfter)));
        }
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, out);
        out.flush();
    }
}
