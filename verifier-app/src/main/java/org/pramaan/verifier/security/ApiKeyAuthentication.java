package org.pramaan.verifier.security;

import java.util.List;
import org.pramaan.verifier.apikey.ApiKeyHolder;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a valid {@code X-Api-Key}. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient ApiKeyHolder holder;

    ApiKeyAuthentication(ApiKeyHolder holder) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + holder.role().name())));
        this.holder = holder;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiKeyHolder getPrincipal() {
        return holder;
    }
}
