package org.pramaan.issuer.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.pramaan.service.outage.DatabaseOutageEntryPoint;
import org.pramaan.service.problem.ProblemSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Three doors. The token door ({@code POST /api/v1/auth/token}): an officer's HTTP Basic password, checked with
 * BCrypt through the sign-in throttle, traded for a short-lived token. The API ({@code /api/**}): stateless, for
 * officers with that token (a signature check, no password hash) or, as before, HTTP Basic, and machine clients
 * (HTTP Basic with client id and secret, or an API key, both checked by SHA-256); only the catalog is public. The
 * console ({@code /console}): form sign-in with a session and CSRF protection, throttled sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String LOGIN = "/console/login";
    private static final String UNAUTHENTICATED = "this needs an officer's token (POST /api/v1/auth/token), HTTP Basic"
            + " credentials (a client id and secret, or an officer's) or an API key";
    private static final String BAD_TOKEN = "the token is not valid here (expired, altered, or not for this service):"
            + " ask POST /api/v1/auth/token for a new one";
    static final String TOKEN_PATH = "/api/v1/auth/token";
    private static final String TOKEN_UNAUTHENTICATED = "a token is given for an officer's HTTP Basic credentials";
    static final String CONSOLE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    PasswordEncoder passwordEncoder(@Value("${pramaan.security.bcrypt-strength:10}") int strength, MeterRegistry meters) {
        return new CountedPasswordEncoder(new BCryptPasswordEncoder(strength), meters);
    }

    /** Machine clients first (their ids are not user names), then officers. */
    private static AuthenticationManager apiManager(ClientAuthenticator clients, OfficerDetailsService officers,
                                                    PasswordEncoder encoder) {
        ProviderManager manager = new ProviderManager(List.of(new ClientAuthenticationProvider(clients),
                officerProvider(officers, encoder)));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    private static DaoAuthenticationProvider officerProvider(OfficerDetailsService officers, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(officers);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    /** The password-for-token exchange: HTTP Basic only (a token cannot renew itself), throttled like every sign-in. */
    @Bean
    @Order(0)
    SecurityFilterChain tokens(HttpSecurity http, ClientAuthenticator clients, OfficerDetailsService officers,
                               PasswordEncoder encoder, SignInThrottle throttle) throws Exception {
        return http.securityMatcher(TOKEN_PATH)
                .authenticationManager(apiManager(clients, officers, encoder))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new DatabaseOutageEntryPoint(
                        ProblemSecurity.unauthenticated(TOKEN_UNAUTHENTICATED))))
                // A department key is recognised here too, so that its right key is refused as a client's (403)
                // rather than counted as a failed sign-in.
                .addFilterBefore(new ApiKeyFilter(clients), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle, PresentedAccounts::api, false), ApiKeyFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(
                                ProblemSecurity.unauthenticated(TOKEN_UNAUTHENTICATED))
                        .accessDeniedHandler(ProblemSecurity.forbidden("tokens are for officers; machine clients"
                                + " present their key on every call")))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ClientAuthenticator clients, OfficerDetailsService officers,
                            PasswordEncoder encoder, SignInThrottle throttle, OfficerTokens tokens) throws Exception {
        ApiKeyFilter apiKeys = new ApiKeyFilter(clients);
        // The metrics and info (which crypto provider signs) ride on this door: scrapers sign in with HTTP Basic
        // as the admin, through the same limiter.
        return http.securityMatcher("/api/**", "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**",
                        "/actuator/info")
                .authenticationManager(apiManager(clients, officers, encoder))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog").permitAll()
                        // The development timestamp authority: anonymous as TSAs are; it stores nothing.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tsa").permitAll()
                        // The CRL of department signing certificates: public, as CRLs are.
                        .requestMatchers(HttpMethod.GET, "/api/v1/crl/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // Department keys: the state IT authority's, through the admin credential only.
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(new DatabaseOutageEntryPoint(
                        ProblemSecurity.unauthenticated(UNAUTHENTICATED))))
                // Officers' tokens: Spring Security's resource server; a bearer value that is no JWT is an API key.
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(PresentedAccounts::jwt)
                        .jwt(j -> j.authenticationManager(tokenManager(tokens)))
                        .authenticationEntryPoint(invalidToken()))
                .addFilterBefore(apiKeys, BearerTokenAuthenticationFilter.class)
                // Before both ways of presenting a secret, so one limiter sees them all.
                .addFilterBefore(new SignInThrottleFilter(throttle, PresentedAccounts::api, false), ApiKeyFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies on this door, so no cross-site request can carry a credential: CSRF does not apply.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurity.unauthenticated(UNAUTHENTICATED))
                        // A signed-in caller without the role: a problem body saying so, not a bare 403.
                        .accessDeniedHandler(ProblemSecurity.forbidden("this needs the administrator's credential")))
                .build();
    }

    /** Its own manager: the API's (clients, officers' passwords) knows no bearer tokens. */
    private static AuthenticationManager tokenManager(OfficerTokens tokens) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(token -> tokens.decoder().decode(token));
        provider.setJwtAuthenticationConverter(tokens::authentication);
        return new ProviderManager(provider);
    }

    /** 401 problem with RFC 6750's {@code WWW-Authenticate: Bearer error="invalid_token"}. */
    private static AuthenticationEntryPoint invalidToken() {
        AuthenticationEntryPoint problem = ProblemSecurity.unauthenticated(BAD_TOKEN);
        AuthenticationEntryPoint missing = ProblemSecurity.unauthenticated(UNAUTHENTICATED);
        return (request, response, e) -> {
            if (PresentedAccounts.jwt(request) == null) {
                missing.commence(request, response, e);
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            problem.commence(request, response, e);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, OfficerDetailsService officers, PasswordEncoder encoder,
                                SignInThrottle throttle) throws Exception {
        // People only: a machine client's secret does not open the console.
        ProviderManager manager = new ProviderManager(List.of(officerProvider(officers, encoder)));
        return http
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(LOGIN, "/console/css/**", "/v3/api-docs/**", "/v3/api-docs",
                                "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**", "/actuator/health",
                                "/error").permitAll()
                        .requestMatchers("/", "/console/**").authenticated()
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/console", true).permitAll())
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                // The console has no scripts and no inline styles: nothing but its own stylesheet may run or load.
                // HSTS is sent on HTTPS requests only, which includes a proxy's X-Forwarded-Proto when
                // server.forward-headers-strategy trusts it (the session cookie is marked Secure then too).
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONSOLE_CSP))
                        .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                // Before CSRF, so that every attempt counts, with or without a token.
                .addFilterBefore(new SignInThrottleFilter(throttle, r -> PresentedAccounts.consoleForm(r, LOGIN), true),
                        CsrfFilter.class)
                .build();
    }
}
