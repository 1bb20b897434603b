package org.pramaan.issuer.security;

import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Caller} of the current request, whichever way it signed in. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Caller get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HasCaller principal) {
            return principal.caller();
        }
        throw new InsufficientAuthenticationException("sign in first");
    }

    /** Principals that know their {@link Caller}. */
    public interface HasCaller {
        Caller caller();
    }
}
