package org.pramaan.bridge.simulator;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemErrorController;
import org.pramaan.service.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The simulator reads anyone's chat, serves their certificates and has the bridge sign webhooks for any number, so
 * it answers only this machine (a loopback remote address; others get the 404 problem of an address that does not exist), and its
 * API only a browser that loaded the page, which hands out SIMULATOR_TOKEN as an HttpOnly SameSite=Strict cookie:
 * another local program or a page on another site cannot read it, and a cross-site request does not carry it.
 */
public final class SimulatorGuard extends OncePerRequestFilter {

    public static final String COOKIE = "pramaan-simulator";
    private static final Logger log = LoggerFactory.getLogger(SimulatorGuard.class);

    private final String token;
    private final byte[] tokenBytes;

    public SimulatorGuard(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            configured = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.info("SIMULATOR_TOKEN is not set: the simulator page hands out a token made for this run");
        }
        this.token = configured.trim();
        this.tokenBytes = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!loopback(request.getRemoteAddr())) {
            ProblemWriter.write(response, ProblemCode.NOT_FOUND, ProblemErrorController.NOT_FOUND_DETAIL);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/simulator/api/") && !carriesToken(request)) {
            ProblemWriter.write(response, ProblemCode.FORBIDDEN, "open the simulator page first; its API needs the"
                    + " page's cookie");
            return;
        }
        if (path.equals("/simulator") || path.equals("/simulator/") || path.equals("/simulator/index.html")) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).httpOnly(true).sameSite("Strict")
                    .path("/simulator").build().toString());
        }
        chain.doFilter(request, response);
    }

    private boolean carriesToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                    && MessageDigest.isEqual(tokenBytes, cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /** The servlet container's remote address is an IP literal, so this never asks DNS. */
    static boolean loopback(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()
                || !remoteAddress.matches("[0-9A-Fa-f:.%]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(remoteAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
