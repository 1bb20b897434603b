package org.pramaan.service.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

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
        // Written whole with its length: a flushed, length-less answer on a connection about to close (the body
        // cap's 413) reaches clients as a broken read rather than an answer.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        HttpHeaders headers = new HttpHeaders();
        JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return bytes;
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        });
        response.setContentType(String.valueOf(headers.getContentType()));
        response.setContentLength(bytes.size());
        try {
            response.getOutputStream().write(bytes.toByteArray());
        } catch (IllegalStateException writerInUse) {
            // Whoever answered before the failure took the writer; the problem goes through it.
            response.getWriter().write(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
