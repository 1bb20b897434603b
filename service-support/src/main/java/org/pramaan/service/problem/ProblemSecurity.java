package org.pramaan.service.problem;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Spring Security's refusals answered in the contract: 401 {@code unauthenticated}, 403 {@code forbidden}. */
public final class ProblemSecurity {

    private ProblemSecurity() {
    }

    /** An unauthenticated caller of a protected address; {@code detail} says which credential it needs. */
    public static AuthenticationEntryPoint unauthenticated(String detail) {
        return (request, response, e) -> ProblemWriter.write(response, ProblemCode.UNAUTHENTICATED, detail);
    }

    /** A signed-in caller without the role; {@code detail} says whose credential it needs. */
    public static AccessDeniedHandler forbidden(String detail) {
        return (request, response, e) -> ProblemWriter.write(response, ProblemCode.FORBIDDEN, detail);
    }
}
