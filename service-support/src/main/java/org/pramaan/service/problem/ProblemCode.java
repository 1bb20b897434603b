package org.pramaan.service.problem;

import java.net.URI;
import java.util.Locale;

/**
 * Every refusal and failure the three services answer, each with its HTTP status: the one error contract. An answer
 * is an RFC 9457 problem ({@code application/problem+json}) whose {@code type} is {@code urn:pramaan:problem:<code>}
 * and whose {@code code} extension member repeats the code, so a client branches on one stable string whatever the
 * wording of {@code detail}. The table in docs/architecture.md ("One error contract") lists them.
 */
public enum ProblemCode {

    /** A request parameter or part is missing or has a value it cannot take. */
    BAD_REQUEST(400, "Bad request"),
    /** The body is not JSON, or not the JSON shape the endpoint takes. */
    INVALID_JSON(400, "The body is not valid JSON of the expected shape"),
    /** A value in an otherwise readable request is refused (an unknown reason code, a note too long). */
    INVALID_ARGUMENT(400, "The request is not valid"),
    /** A webhook notification that was signed but cannot be read. */
    INVALID_NOTIFICATION(400, "The notification cannot be read"),
    /** Credentials are missing, unknown or wrong. */
    UNAUTHENTICATED(401, "Authentication needed"),
    /** A webhook whose X-Hub-Signature-256 is missing or wrong. */
    INVALID_SIGNATURE(401, "The signature does not match"),
    /** The caller is known but may not do this. */
    FORBIDDEN(403, "Not allowed"),
    /** No such resource (application, certificate, department, key). */
    NOT_FOUND(404, "Not found"),
    /** The address does not take this HTTP method. */
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    /** The address cannot answer in any media type the caller accepts. */
    NOT_ACCEPTABLE(406, "Not acceptable"),
    /** The request conflicts with the resource's current state (already revoked, a reference reused, a concurrent change). */
    CONFLICT(409, "Not possible now"),
    /** An application transition its current status does not allow (approving an issued application). */
    ILLEGAL_TRANSITION(409, "Not possible in the current status"),
    /** An application lacks a supporting document its service requires: it cannot be approved. */
    DOCUMENTS_MISSING(409, "A required supporting document is missing"),
    /** A certificate approved moments ago whose PDF is still being rendered; {@code Retry-After} says when to look again. */
    PDF_PENDING(409, "The certificate's PDF is being prepared"),
    /** The request body is over the service's limit. */
    TOO_LARGE(413, "Content too large"),
    /** The body's media type is not one the endpoint takes. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    /** A form failed its checks; the {@code errors} member lists each field with a code and a reason. */
    INVALID_FIELDS(422, "Some fields are not valid"),
    /** An upload that would cost too much to decode (too many pages or pixels). */
    UPLOAD_TOO_COSTLY(422, "The upload is too costly to read"),
    /** A batch larger than the caller's whole allowance: waiting does not help. */
    OVER_ALLOWANCE(422, "More than the caller's allowance"),
    /** The caller's request budget is spent; {@code Retry-After} says when to come back. */
    RATE_LIMITED(429, "Too many requests"),
    /** Too many failed sign-ins for the account or address; {@code Retry-After} says when to come back. */
    TOO_MANY_SIGN_INS(429, "Too many sign-in attempts"),
    /** A bug or an unforeseen failure: logged at ERROR with the correlation id; the detail never says more. */
    INTERNAL_ERROR(500, "Internal error"),
    /** A stored document (a certificate's PDF) no longer matches the SHA-256 recorded with it: it is not served. */
    STORED_OBJECT_CORRUPT(500, "A stored document failed its integrity check"),
    /** The ledger answered with a failure that is not a refusal (the contract failed, endorsement failed). */
    LEDGER_FAILED(502, "The ledger failed"),
    /** The database cannot be reached; nothing was stored; {@code Retry-After} says when to try again. */
    DATABASE_UNAVAILABLE(503, "Temporarily unavailable"),
    /** The ledger cannot be reached or a concurrent ledger write got in the way; try again. */
    LEDGER_UNAVAILABLE(503, "The ledger cannot be reached"),
    /** No key the ledger lists as usable: nothing was signed until the state registers one. */
    SIGNING_KEY_UNAVAILABLE(503, "The department cannot sign certificates now"),
    /** The object store (certificate PDFs) cannot be reached; nothing was stored; {@code Retry-After} says when to try again. */
    OBJECT_STORE_UNAVAILABLE(503, "The document store cannot be reached"),
    /** Every image decoder is busy; {@code Retry-After} says when to try again. */
    DECODERS_BUSY(503, "Busy"),
    /** Some other dependency is unavailable (an answer from the error page with status 503). */
    UNAVAILABLE(503, "Temporarily unavailable"),
    /** The ledger refused: the record does not exist. */
    LEDGER_NOT_FOUND(404, "The ledger has no such record"),
    /** The ledger refused: a different record exists under the same id. */
    LEDGER_CONFLICT(409, "The ledger refused a conflicting change"),
    /** The ledger refused an argument (a key not valid for the date, an unknown code). */
    LEDGER_INVALID_ARGUMENT(400, "The ledger refused the argument"),
    /** The ledger refused: this identity may not do that. */
    LEDGER_FORBIDDEN(403, "The ledger refused this identity");

    private static final String TYPE_PREFIX = "urn:pramaan:problem:";

    private final int status;
    private final String title;
    private final String code;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
        this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The HTTP status every answer with this code carries. */
    public int status() {
        return status;
    }

    /** A short human summary, the same for every occurrence (RFC 9457 {@code title}). */
    public String title() {
        return title;
    }

    /** The stable lower-kebab code, e.g. {@code illegal-transition}. */
    public String code() {
        return code;
    }

    /** {@code urn:pramaan:problem:<code>}. */
    public URI type() {
        return URI.create(TYPE_PREFIX + code);
    }

    /** The code a status gets when nothing more specific is known (an error page, a framework refusal). */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> INVALID_ARGUMENT;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 400 && status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
