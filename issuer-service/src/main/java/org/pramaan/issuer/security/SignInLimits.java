package org.pramaan.issuer.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins are tolerated before every attempt is refused until the window passes.
 * Generous enough for a person mistyping, far too few for guessing: the development passwords and keys are
 * random, and a real deployment's policy can lower them.
 *
 * @param accountFailures failed attempts per account (normalised user name or client id) per window
 * @param addressFailures failed attempts per client address per window, whatever names it tries
 * @param window          the budget comes back in full once this has passed since the bucket was made
 * @param maxTracked      most buckets kept; the least useful are evicted, never all at once
 * @param provenFor       how long an account that signed in from an address keeps passing that address's budget
 *                        (its own account budget still applies): callers behind one proxy share an address, and
 *                        one of them guessing must not lock the others out
 */
@ConfigurationProperties("pramaan.security.sign-in")
public record SignInLimits(@DefaultValue("10") int accountFailures,
                           @DefaultValue("50") int addressFailures,
                           @DefaultValue("15m") Duration window,
                           @DefaultValue("100000") int maxTracked,
                           @DefaultValue("24h") Duration provenFor) {
}
