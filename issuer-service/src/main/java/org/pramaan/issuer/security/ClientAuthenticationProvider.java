package org.pramaan.issuer.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** HTTP Basic for machine clients: user name = client id, password = client secret. */
public class ClientAuthenticationProvider implements AuthenticationProvider {

    private final ClientAuthenticator authenticator;

    public ClientAuthenticationProvider(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String name = authentication.getName();
        if (!authenticator.isClient(name)) {
            return null; // an officer: the next provider checks it
        }
        Object credentials = authentication.getCredentials();
        Caller caller = authenticator.authenticate(name, credentials == null ? null : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("wrong client secret"));
        CallerPrincipal principal = new CallerPrincipal(caller, "");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
