package org.pramaan.issuer.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Officers' short-lived API tokens: a JWT (HS256, Spring Security's Nimbus encoder and decoder) naming the officer,
 * their kind and departments, for {@link TokenSettings#lifetime()}. Checking one is a signature and a few claims,
 * no database and no password hash: the password is checked once, when the token is asked for.
 *
 * <p>A token cannot be withdrawn before it expires: disabling an officer, changing their department or password,
 * or replacing the signing key takes effect for new tokens at once and for issued ones within the lifetime
 * (15 minutes by default). Changing {@code ISSUER_TOKEN_SECRET} (or the database key) ends every token at once.
 */
@Component
public class OfficerTokens {

    static final String KIND = "kind";
    static final String DEPARTMENTS = "departments";

    /** A token and when it stops being accepted. */
    public record Issued(String value, Instant expiresAt) {
    }

    private final TokenKeys keys;
    private final TokenSettings settings;
    private final Clock clock;
    private volatile JwtEncoder encoder;
    private volatile JwtDecoder decoder;

    public OfficerTokens(TokenKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** A token for an officer or admin signed in with their password just now. */
    public Issued issue(Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.lifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(caller.name())
                .issuedAt(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .claim(KIND, caller.kind().name())
                .claim(DEPARTMENTS, caller.departments().stream().map(DepartmentCode::value).sorted().toList())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return new Issued(encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue(), expires);
    }

    /** Spring Security's decoder for these tokens: signature, issuer, audience, expiry. */
    public JwtDecoder decoder() {
        JwtDecoder d = decoder;
        if (d == null) {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(keys.key()).macAlgorithm(MacAlgorithm.HS256).build();
            JwtTimestampValidator expiry = new JwtTimestampValidator(settings.clockSkew());
            expiry.setClock(clock);
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(expiry,
                    new JwtIssuerValidator(settings.issuer()), new JwtAudienceValidator(settings.audience())));
            decoder = d = nimbus;
        }
        return d;
    }

    /** The authentication a valid token stands for: the officer as {@link CurrentCaller} sees them. */
    public UsernamePasswordAuthenticationToken authentication(Jwt jwt) {
        Caller caller = callerOf(jwt);
        CallerPrincipal principal = new CallerPrincipal(caller, "");
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    static Caller callerOf(Jwt jwt) {
        String name = jwt.getSubject();
        String kind = jwt.getClaimAsString(KIND);
        List<String> departments = jwt.getClaimAsStringList(DEPARTMENTS);
        if (name == null || name.isBlank() || departments == null
                || !(Caller.Kind.OFFICER.name().equals(kind) || Caller.Kind.ADMIN.name().equals(kind))) {
            throw new BadJwtException("the token does not name an officer");
        }
        Set<DepartmentCode> codes;
        try {
            codes = departments.stream().map(DepartmentCode::of).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new BadJwtException("the token names no department");
        }
        boolean admin = Caller.Kind.ADMIN.name().equals(kind);
        return new Caller(name, Caller.Kind.valueOf(kind), admin ? Set.of() : codes, admin);
    }

    private JwtEncoder encoder() {
        JwtEncoder e = encoder;
        if (e == null) {
            encoder = e = NimbusJwtEncoder.withSecretKey(keys.key()).build();
        }
        return e;
    }
}
