package org.pramaan.issuer.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt with a count of its checks ({@code pramaan.password.checks}): each costs tens of milliseconds of CPU on
 * purpose, so the count should follow sign-ins, not requests. A rate of it near the request rate means callers
 * send passwords on every call instead of taking a token.
 */
final class CountedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Counter checks;

    CountedPasswordEncoder(PasswordEncoder delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.checks = Counter.builder("pramaan.password.checks")
                .description("password hash checks (BCrypt): sign-ins, not requests").register(meters);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        checks.increment();
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
