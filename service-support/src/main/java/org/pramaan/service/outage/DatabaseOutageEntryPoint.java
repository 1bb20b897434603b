package org.pramaan.service.outage;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * An entry point that answers 503 when sign-in failed because the database (where accounts live)
 * could not be reached, and leaves every real refusal to {@code delegate}: a client must not be told
 * its password is wrong, and lock itself out, because of an outage.
 */
public final class DatabaseOutageEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint delegate;

    public DatabaseOutageEntryPoint(AuthenticationEntryPoint delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (DatabaseOutages.isOutage(e)) {
            DatabaseOutages.answer(response);
        } else {
            delegate.commence(request, response, e);
        }
    }
}
