package org.pramaan.verifier.security;

import org.pramaan.service.limits.BodySizeLimitFilter;
import org.pramaan.service.problem.ProblemSecurity;
import org.pramaan.verifier.apikey.ApiKeys;
import org.pramaan.verifier.config.VerifierProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may do what. Verifying is public (the page and the API answer anyone, rate-limited); issuing
 * and revoking API keys and reading metrics need an administrator's key. There are no sessions and
 * no cookies, credentials travel only in the {@code X-Api-Key} header, so there is nothing for a
 * cross-site request to ride on and CSRF tokens are not used.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Every request body capped at {@code verifier.max-upload-bytes}, however it is framed (chunked
     * included), before security or a controller reads it; multipart keeps its own limits too.
     */
    @Bean
    BodySizeLimitFilter bodySizeLimit(VerifierProperties properties, Refusals refusals) {
        return new BodySizeLimitFilter(properties.maxUploadBytes(), request -> refusals.count("body_too_large"));
    }

    /** There are no user accounts: API keys are the only credentials. */
    @Bean
    UserDetailsService noUserAccounts() {
        return username -> {
            throw new UsernameNotFoundException("the verifier has no user accounts; use an API key");
        };
    }

    @Bean
    SecurityFilterChain verifierSecurity(HttpSecurity http, ApiKeys keys, RateLimits limits,
                                         VerifierProperties properties, Refusals refusals) throws Exception {
        ApiKeyAuthenticationFilter apiKeys = new ApiKeyAuthenticationFilter(keys);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurity.unauthenticated(
                                "this needs an administrator's API key in the X-Api-Key header"))
                        .accessDeniedHandler(ProblemSecurity.forbidden("this API key may not do that")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline';"
                                + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'")))
                .addFilterBefore(apiKeys, AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits, properties.maxUploadBytes(), refusals), ApiKeyAuthenticationFilter.class);
        return http.build();
    }
}
