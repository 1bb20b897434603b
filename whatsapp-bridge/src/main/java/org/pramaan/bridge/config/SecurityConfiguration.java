package org.pramaan.bridge.config;

import org.pramaan.service.problem.ProblemSecurity;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what. The webhook authenticates by its HMAC signature (checked over the raw body in the
 * controller); issuer-service by the shared bearer token; the simulator exists only when enabled (development).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, BridgeProperties bridge,
            org.springframework.core.env.Environment environment) throws Exception {
        boolean simulator = SimulatorSwitch.enabled(environment);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ProblemSecurity.unauthenticated("this needs the BRIDGE_TOKEN bearer"))
                        .accessDeniedHandler(ProblemSecurity.forbidden("this address is not open to this caller")))
                .addFilterBefore(new BearerTokenFilter(bridge.token()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/webhook", "/error").permitAll();
                    auth.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
                    // Metrics and the operators' views need the bridge's one credential, the BRIDGE_TOKEN bearer.
                    auth.requestMatchers("/actuator/**").hasRole("ISSUER");
                    auth.requestMatchers("/internal/**").hasRole("ISSUER");
                    if (simulator) {
                        auth.requestMatchers("/simulator", "/simulator/**").permitAll();
                    }
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }

    /** No user accounts: this stops Boot from generating a default password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    /** Authenticates issuer-service by BRIDGE_TOKEN; an empty token authenticates nobody. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final byte[] token;

        BearerTokenFilter(String token) {
            this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.startsWith("Bearer ")
                    && MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "issuer-service", null, List.of(new SimpleGrantedAuthority("ROLE_ISSUER"))));
            }
            chain.doFilter(request, response);
        }
    }
}
