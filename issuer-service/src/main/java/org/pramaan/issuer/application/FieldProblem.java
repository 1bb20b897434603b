package org.pramaan.issuer.application;

/**
 * A rejected form field: its key, a stable code for programs, and the reason in the applicant's
 * language for the chat.
 */
public record FieldProblem(String field, String code, String reason) {
}
