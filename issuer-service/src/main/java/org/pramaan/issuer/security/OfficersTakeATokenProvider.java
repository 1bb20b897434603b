package org.pramaan.issuer.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The API's answer to HTTP Basic that is not a machine client's: refused at once, with no password hash run and no
 * officer looked up. An officer's password is checked at the token door only ({@code POST /api/v1/auth/token});
 * checking it here would put a BCrypt (tens of milliseconds of CPU) on every request of a caller who keeps sending it.
 * Placed after {@link ClientAuthenticationProvider}, which takes the names that are client ids.
 */
public final class OfficersTakeATokenProvider implements AuthenticationProvider {

    /** HTTP Basic for a name that is no client id: an officer's (or nobody's) password, which the API does not take. */
    public static final class OfficerBasicRefused extends AuthenticationException {
        OfficerBasicRefused() {
            super("an officer's HTTP Basic is taken at the token door only");
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        throw new OfficerBasicRefused();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
