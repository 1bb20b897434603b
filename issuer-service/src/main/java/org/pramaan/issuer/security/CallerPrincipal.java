package org.pramaan.issuer.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in officer, admin or client as Spring Security holds it; never carries the secret after sign-in. */
public record CallerPrincipal(Caller caller, String passwordHash) implements UserDetails, CurrentCaller.HasCaller {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + caller.kind().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return caller.name();
    }

    @Override
    public String toString() {
        return "CallerPrincipal[" + caller.actor() + "]";
    }
}
