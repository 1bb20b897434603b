package org.pramaan.issuer.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.pramaan.service.outage.DatabaseOutageEntryPoint;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemSecurity;
import org.pramaan.service.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
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
 * Four doors. The token door ({@code POST /api/v1/auth/token}): an officer's HTTP Basic password, checked with
 * BCrypt through the sign-in throttle, traded for a short-lived token; the only API address that checks an officer's
 * password. The API ({@code /api/**}): stateless, for officers with that token (a signature check, no password hash)
 * and machine clients (HTTP Basic with client id and secret, or an API key, both checked by SHA-256); an officer's
 * HTTP Basic is refused there with a 401 saying where to take a token, before any password hash is run; only the
 * catalog is public. The scrapers' door (metrics, info): the admin, with a token or, for scrapers that can only send
 * a fixed credential, HTTP Basic (a BCrypt per scrape, throttled). The console ({@code /console}): form sign-in with
 * a session and CSRF protection, throttled sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String LOGIN = "/console/login";
    private static final String UNAUTHENTICATED = "this needs an officer's token (POST /api/v1/auth/token, then"
            + " Authorization: Bearer), a machine client's HTTP Basic (client id and secret) or an API key";
    static final String OFFICER_BASIC = "HTTP Basic on the API is for machine clients (client id and secret):"
            + " officers take a token at POST /api/v1/auth/token and send it as a bearer token"
            + " (Authorization: Bearer <access_token>)";
    private static final String SCRAPER_UNAUTHENTICATED = "this needs the administrator's token or HTTP Basic";
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

    /** Machine clients first (their ids are not user names), then officers' passwords (BCrypt). */
    private static AuthenticationManager passwordManager(ClientAuthenticator clients, OfficerDetailsService officers,
                                                         PasswordEncoder encoder) {
        return manager(new ClientAuthenticationProvider(clients), officerProvider(officers, encoder));
    }

    /** Machine clients only: any other HTTP Basic is an officer's, refused without looking at the password. */
    private static AuthenticationManager clientManager(ClientAuthenticator clients) {
        return manager(new ClientAuthenticationProvider(clients), new OfficersTakeATokenProvider());
    }

    private static AuthenticationManager manager(AuthenticationProvider... providers) {
        ProviderManager manager = new ProviderManager(List.of(providers));
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
                .authenticationManager(passwordManager(clients, officers, encoder))
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

    /**
     * Metrics and info (which crypto provider signs): the admin's. Scrapers send a fixed credential on every scrape
     * and cannot renew a token, so the admin's HTTP Basic is still taken here, through the same limiter: a BCrypt
     * per scrape (one every 15 s or so), not per request of the service's callers.
     */
    @Bean
    @Order(1)
    SecurityFilterChain scrapers(HttpSecurity http, ClientAuthenticator clients, OfficerDetailsService officers,
                                 PasswordEncoder encoder, SignInThrottle throttle, OfficerTokens tokens)
            throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**", "/actuator/info")
                .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"));
        return stateless(http, passwordManager(clients, officers, encoder), clients, tokens,
                new SignInThrottleFilter(throttle, PresentedAccounts::api, false),
                new DatabaseOutageEntryPoint(ProblemSecurity.unauthenticated(SCRAPER_UNAUTHENTICATED)),
                SCRAPER_UNAUTHENTICATED);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ClientAuthenticator clients, SignInThrottle throttle,
                            OfficerTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog").permitAll()
                        // The development timestamp authority: anonymous as TSAs are; it stores nothing.
                        .requestMatchers(HttpMethod.POST, "/api/v1/tsa").permitAll()
                        // The CRL of department signing certificates: public, as CRLs are.
                        .requestMatchers(HttpMethod.GET, "/api/v1/crl/**").permitAll()
                        // Department keys: the state IT authority's, through the admin's token only.
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        AuthenticationEntryPoint unauthenticated = ProblemSecurity.unauthenticated(UNAUTHENTICATED);
        AuthenticationEntryPoint takeAToken = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ProblemWriter.write(response, ProblemCode.UNAUTHENTICATED, OFFICER_BASIC);
        };
        AuthenticationEntryPoint basic = (request, response, e) -> {
            if (e instanceof OfficersTakeATokenProvider.OfficerBasicRefused) {
                takeAToken.commence(request, response, e);
            } else {
                unauthenticated.commence(request, response, e);
            }
        };
        // Only a client's Basic is a secret checked here, so only it goes through the limiter.
        return stateless(http, clientManager(clients), clients, tokens,
                new SignInThrottleFilter(throttle, r -> PresentedAccounts.apiClients(r, clients::isClient), false),
                new DatabaseOutageEntryPoint(basic), UNAUTHENTICATED);
    }

    /**
     * What the API and the scrapers' door share: HTTP Basic through {@code manager}, officers' tokens (Spring
     * Security's resource server; a bearer value that is no JWT is an API key), API keys, one limiter in front of
     * every way of presenting a secret, no session and no CSRF (no cookies, so no cross-site request can carry a
     * credential).
     */
    private static SecurityFilterChain stateless(HttpSecurity http, AuthenticationManager manager,
                                                 ClientAuthenticator clients, OfficerTokens tokens,
                                                 SignInThrottleFilter throttle, AuthenticationEntryPoint basic,
                                                 String unauthenticated) throws Exception {
        ApiKeyFilter apiKeys = new ApiKeyFilter(clients);
        return http.authenticationManager(manager)
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .oauth2ResourceServer(o -> o
                        .bearerTokenResolver(PresentedAccounts::jwt)
                        .jwt(j -> j.authenticationManager(tokenManager(tokens)))
                        .authenticationEntryPoint(invalidToken(unauthenticated)))
                .addFilterBefore(apiKeys, BearerTokenAuthenticationFilter.class)
                // Before both ways of presenting a secret, so one limiter sees them all.
                .addFilterBefore(throttle, ApiKeyFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemSecurity.unauthenticated(unauthenticated))
                        // A signed-in caller without the role: a problem body saying so, not a bare 403.
                        .accessDeniedHandler(ProblemSecurity.forbidden("this needs the administrator's credential")))
                .build();
    }

    /** Its own manager: the HTTP Basic ones (clients, officers' passwords) know no bearer tokens. */
    private static AuthenticationManager tokenManager(OfficerTokens tokens) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(token -> tokens.decoder().decode(token));
        provider.setJwtAuthenticationConverter(tokens::authentication);
        return new ProviderManager(provider);
    }

    /** 401 problem with RFC 6750's {@code WWW-Authenticate: Bearer error="invalid_token"}. */
    private static AuthenticationEntryPoint invalidToken(String unauthenticated) {
        AuthenticationEntryPoint problem = ProblemSecurity.unauthenticated(BAD_TOKEN);
        AuthenticationEntryPoint missing = ProblemSecurity.unauthenticated(unauthenticated);
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
    @Order(3)
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
