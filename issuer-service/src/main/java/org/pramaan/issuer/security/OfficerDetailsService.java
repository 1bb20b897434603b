package org.pramaan.issuer.security;

import java.util.Set;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads console users for form login (and HTTP Basic on the API). */
@Component
public class OfficerDetailsService implements UserDetailsService {

    private final Officers officers;

    public OfficerDetailsService(Officers officers) {
        this.officers = officers;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Officers.Officer o = officers.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        Caller caller = o.admin() ? new Caller(o.username(), Caller.Kind.ADMIN, Set.of(), true)
                : new Caller(o.username(), Caller.Kind.OFFICER, Set.of(o.department()), false);
        return new CallerPrincipal(caller, o.passwordHash());
    }
}
