package org.pramaan.service.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationFilterTest {

    private final CorrelationFilter filter = new CorrelationFilter();

    @Test
    void aWellFormedIdIsLoggedWithAndEchoed() throws Exception {
        AtomicReference<String> logged = new AtomicReference<>();
        MockHttpServletResponse response = handle("wa-conv:42.a_b-c", logged);

        assertThat(logged).hasValue("wa-conv:42.a_b-c");
        assertThat(response.getHeader(Correlation.HEADER)).isEqualTo("wa-conv:42.a_b-c");
        assertThat(MDC.get(Correlation.MDC_KEY)).isNull();
    }

    @Test
    void withoutAnIdOrWithAForgedOneANewIdIsMade() throws Exception {
        for (String given : new String[] {null, "x\" level=ERROR", "a".repeat(65)}) {
            AtomicReference<String> logged = new AtomicReference<>();
            String echoed = handle(given, logged).getHeader(Correlation.HEADER);

            assertThat(UUID.fromString(echoed).toString()).isEqualTo(echoed);
            assertThat(logged).hasValue(echoed);
        }
        assertThat(handle(null, new AtomicReference<>()).getHeader(Correlation.HEADER))
                .isNotEqualTo(handle(null, new AtomicReference<>()).getHeader(Correlation.HEADER));
    }

    @Test
    void anOuterIdComesBackAfterTheRequest() throws Exception {
        try (Correlation.Scope outer = Correlation.open("outer")) {
            handle("inner", new AtomicReference<>());
            assertThat(Correlation.current()).contains("outer");
        }
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void itRunsBeforeEverythingElse() {
        assertThat(filter.getOrder()).isEqualTo(Integer.MIN_VALUE);
    }

    private MockHttpServletResponse handle(String id, AtomicReference<String> logged)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/verify");
        if (id != null) {
            request.addHeader(Correlation.HEADER, id);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain chain = (req, res) -> logged.set(MDC.get(Correlation.MDC_KEY));
        filter.doFilter(request, response, chain);
        return response;
    }
}
