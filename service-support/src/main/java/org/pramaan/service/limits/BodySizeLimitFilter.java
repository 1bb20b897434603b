package org.pramaan.service.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.pramaan.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at a number of bytes, however it is framed. A declared Content-Length over
 * the cap is refused before a byte is read; any other body (chunked above all) is counted as the
 * application reads it: the 413 is sent the moment the cap is passed, the read fails, and whatever
 * the application then writes is dropped ({@link RefusableResponse}). Either way the caller gets 413
 * as {@code application/problem+json} and the connection is closed, so the rest is never read.
 *
 * <p>Multipart uploads are parsed by the container from its own stream, not through
 * {@link HttpServletRequest#getInputStream()}: keep {@code spring.servlet.multipart.max-file-size} and
 * {@code max-request-size} for them. A service registers the filter as a bean; it orders itself
 * right after the correlation filter, before security and anything else that may read the body.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter implements Ordered {

    /** Set on the request once its body passed the cap. */
    static final String EXCEEDED = BodySizeLimitFilter.class.getName() + ".exceeded";
    private static final Logger LOG = LoggerFactory.getLogger(BodySizeLimitFilter.class);

    private final long maxBytes;
    private final Consumer<HttpServletRequest> onRefused;

    /** {@code onRefused}: told of each refusal, e.g. to count it (a Micrometer counter). */
    public BodySizeLimitFilter(long maxBytes, Consumer<HttpServletRequest> onRefused) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the body cap must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.onRefused = onRefused == null ? r -> { } : onRefused;
    }

    public BodySizeLimitFilter(long maxBytes) {
        this(maxBytes, null);
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response);
            return;
        }
        RefusableResponse guarded = new RefusableResponse(response);
        Runnable onExceeded = () -> {
            // Answered the moment the cap is passed, before the application words the failed read.
            request.setAttribute(EXCEEDED, Boolean.TRUE);
            try {
                if (response.isCommitted()) {
                    LOG.warn("{} {}: body over {} bytes, but an answer was already sent", request.getMethod(),
                            request.getRequestURI(), maxBytes);
                    return;
                }
                String correlation = response.getHeader(Correlation.HEADER);
                response.reset();
                if (correlation != null) {
                    response.setHeader(Correlation.HEADER, correlation);
                }
                refuse(request, response);
                response.flushBuffer();
            } catch (IOException e) {
                LOG.debug("the 413 answer could not be sent", e);
            } finally {
                guarded.refuse();
            }
        };
        try {
            chain.doFilter(new CappedRequest(request, onExceeded), guarded);
        } catch (IOException | ServletException | RuntimeException e) {
            if (request.getAttribute(EXCEEDED) == null) {
                throw e;
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.info("{} {}: request body over {} bytes refused", request.getMethod(), request.getRequestURI(), maxBytes);
        onRefused.accept(request);
        response.setHeader("Connection", "close");
        ProblemDetail problem = Problems.of(ProblemCode.TOO_LARGE, "the request body is larger than " + maxBytes
                + " bytes");
        problem.setProperty("maxBytes", maxBytes);
        ProblemWriter.write(response, problem, null);
    }

    /** The request with its body behind the counting stream (and the reader over that stream). */
    private final class CappedRequest extends HttpServletRequestWrapper {

        private final Runnable onExceeded;
        private ServletInputStream stream;
        private BufferedReader reader;

        CappedRequest(HttpServletRequest request, Runnable onExceeded) {
            super(request);
            this.onExceeded = onExceeded;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (reader != null) {
                throw new IllegalStateException("getReader() was already called for this request");
            }
            if (stream == null) {
                stream = new CappedInputStream(super.getInputStream(), maxBytes, onExceeded);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                if (stream != null) {
                    throw new IllegalStateException("getInputStream() was already called for this request");
                }
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(
                        new CappedInputStream(super.getInputStream(), maxBytes, onExceeded), charset));
            }
            return reader;
        }
    }
}
