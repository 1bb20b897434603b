package org.pramaan.issuer.application;

import java.time.Instant;

/**
 * One recorded change of an application's status: who made it, when, and why ({@code reasonCode}, a rejection's
 * code, and {@code reason}, the officer's note; either may be null).
 */
public record Transition(ApplicationStatus from, ApplicationStatus to, String actor, Instant at, String reason,
                         String reasonCode) {
}
