package org.pramaan.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.pramaan.service.problem.ProblemErrorController;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The simulator's gate, with requests as a caller elsewhere on the network sends them (a remote address that no
 * loopback-only test could produce over a socket).
 */
class SimulatorGuardTest {

    private static final String TOKEN = "guard-test-token";
    private final SimulatorGuard guard = new SimulatorGuard(TOKEN);

    @Test
    void aRemoteCallerIsRefusedWithoutDetailEvenWithTheToken() throws Exception {
        for (String path : new String[] {"/simulator", "/simulator/index.html", "/simulator/api/chat",
                "/simulator/api/media/1", "/simulator/graph/100000000000001/messages"}) {
            MockHttpServletRequest request = request("203.0.113.7", path);
            request.setCookies(new Cookie(SimulatorGuard.COOKIE, TOKEN));
            MockHttpServletResponse response = new MockHttpServletResponse();
            AtomicBoolean passed = new AtomicBoolean();
            guard.doFilter(request, response, (q, s) -> passed.set(true));
            assertThat(passed).as(path).isFalse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).as(path + ": the answer of an address that does not exist")
                    .contains("\"code\":\"not-found\"", ProblemErrorController.NOT_FOUND_DETAIL)
                    .doesNotContainIgnoringCase("simulator");
            assertThat(response.getHeader("Set-Cookie")).as(path).isNull();
        }
    }

    @Test
    void aLoopbackCallerWithoutTheTokenReachesThePageButNotTheApi() throws Exception {
        MockHttpServletResponse api = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        guard.doFilter(request("127.0.0.1", "/simulator/api/chat"), api, (q, s) -> passed.set(true));
        assertThat(passed).isFalse();
        assertThat(api.getStatus()).isEqualTo(403);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"code\":\"forbidden\"");

        MockHttpServletRequest wrong = request("::1", "/simulator/api/media/1");
        wrong.setCookies(new Cookie(SimulatorGuard.COOKIE, "guess"));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        guard.doFilter(wrong, refused, (q, s) -> passed.set(true));
        assertThat(passed).isFalse();
        assertThat(refused.getStatus()).isEqualTo(403);
    }

    @Test
    void thePageHandsTheTokenToALoopbackBrowserAsAStrictHttpOnlyCookieAndTheApiTakesIt() throws Exception {
        MockHttpServletResponse page = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        guard.doFilter(request("127.0.0.1", "/simulator/index.html"), page, (q, s) -> passed.set(true));
        assertThat(passed).isTrue();
        assertThat(page.getHeader("Set-Cookie")).contains(SimulatorGuard.COOKIE + "=" + TOKEN, "HttpOnly",
                "SameSite=Strict", "Path=/simulator");

        MockHttpServletRequest api = request("0:0:0:0:0:0:0:1", "/simulator/api/chat");
        api.setCookies(new Cookie(SimulatorGuard.COOKIE, TOKEN));
        passed.set(false);
        guard.doFilter(api, new MockHttpServletResponse(), (q, s) -> passed.set(true));
        assertThat(passed).isTrue();
    }

    private static MockHttpServletRequest request(String remote, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(remote);
        request.setServletPath(path);
        return request;
    }
}
