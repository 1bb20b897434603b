package org.pramaan.service.limits;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitFilterTest {

    private final AtomicInteger refused = new AtomicInteger();
    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(100, r -> refused.incrementAndGet());

    /** Reads the whole body, as Jackson would, and answers 400 on a failed read, as an error handler would. */
    private final FilterChain readsAll = (request, response) -> {
        try {
            request.getInputStream().readAllBytes();
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
        } catch (java.io.IOException e) {
            ((jakarta.servlet.http.HttpServletResponse) response).setStatus(400);
            response.getWriter().write("{\"error\":\"unreadable\"}");
        }
    };

    @Test
    void aBodyWithoutLengthIsCountedAsItIsRead() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
        request.setContent(new byte[101]);
        request.removeHeader("Content-Length");
        request.addHeader("Transfer-Encoding", "chunked");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new NoLength(request), response, readsAll);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("100 bytes");
        assertThat(refused).hasValue(1);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
        request.setContent(new byte[500]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new AssertionError("the application must not see the request");
        });

        assertThat(response.getStatus()).isEqualTo(413);
    }

    @Test
    void aBodyUpToTheCapPasses() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api");
        request.setContent(new byte[100]);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(new NoLength(request), response, readsAll);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(refused).hasValue(0);
    }

    /** A chunked request: no declared length. */
    private static final class NoLength extends jakarta.servlet.http.HttpServletRequestWrapper {
        NoLength(MockHttpServletRequest request) {
            super(request);
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }

        @Override
        public int getContentLength() {
            return -1;
        }
    }
}
