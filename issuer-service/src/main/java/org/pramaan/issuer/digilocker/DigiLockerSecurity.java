package org.pramaan.issuer.digilocker;

import io.micrometer.core.instrument.MeterRegistry;
import org.pramaan.issuer.security.SignInThrottle;
import org.pramaan.service.problem.ProblemSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * DigiLocker's own door, ahead of the officers' and clients' chains: {@code /digilocker/**} is open to DigiLocker
 * alone, on the HMAC of each request ({@link DigiLockerFilter}); no password, token, API key or session works here,
 * and none of DigiLocker's requests reaches another door. Stateless and without cookies, so CSRF does not apply
 * (it stays on for the console).
 */
@Configuration(proxyBeanMethods = false)
public class DigiLockerSecurity {

    @Bean
    @Order(-1)
    SecurityFilterChain digiLocker(HttpSecurity http, DigiLockerCredentials credentials, SignInThrottle throttle,
                                   OrgRateLimits rates, DigiLockerProperties properties, MeterRegistry meters)
            throws Exception {
        return http.securityMatcher("/digilocker/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, DigiLockerFilter.PULL_URI, DigiLockerFilter.PULL_DOC)
                        .hasRole(DigiLockerFilter.ROLE)
                        .anyRequest().denyAll())
                .addFilterBefore(new DigiLockerFilter(credentials, throttle, rates, properties.maxBodyBytes(), meters),
                        AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurity.unauthenticated(DigiLockerFilter.NOT_SIGNED))
                        .accessDeniedHandler(ProblemSecurity.forbidden("only POST /digilocker/pull-uri and"
                                + " /digilocker/pull-doc are served here")))
                .build();
    }
}
