package org.pramaan.issuer.application;

import java.time.Instant;

/** One recorded change of an application's status: who made it, when, and why. */
public record Transition(ApplicationStatus from, ApplicationStatus to, String actor, Instant at, String reason) {
}
