package org.pramaan.verifier.web;

import java.util.Map;
import org.pramaan.verifier.image.DecodersBusyException;
import org.pramaan.verifier.image.UnreadableUploadException;
import org.pramaan.verifier.image.UploadTooCostlyException;
import org.pramaan.verifier.security.CallerLimit;
import org.pramaan.verifier.security.Refusals;
import org.pramaan.verifier.verification.PublicReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Every client mistake is a 4xx with a reason in {@code {"error": ...}}; nothing a client sends
 * becomes a 500. Reasons say what to change, in the API's terms: exception messages of the framework
 * and parsers (which name Java types) never reach the caller, they are logged at debug.
 */
@RestControllerAdvice(assignableTypes = {VerifyApiController.class, org.pramaan.verifier.apikey.ApiKeyAdminController.class})
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final Refusals refusals;

    public ApiErrors(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler({BadRequestException.class, UnreadableUploadException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        LOG.debug("bad request", e);
        return error(HttpStatus.BAD_REQUEST, PublicReasons.scrub(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        LOG.debug("unreadable request body: {}", e.getMostSpecificCause().getMessage());
        return error(HttpStatus.BAD_REQUEST, "the body is not the JSON this endpoint takes: " + JsonMistakes.describe(e));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Map<String, String>> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "the upload needs a \"" + e.getRequestPartName() + "\" part with the file");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "the parameter \"" + e.getParameterName() + "\" is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "the parameter \"" + e.getName() + "\" has a value it cannot take"
                + (e.getRequiredType() == boolean.class || e.getRequiredType() == Boolean.class ? " (true or false)" : ""));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        refusals.count("body_too_large");
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "the upload is too large");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "not a readable multipart upload with a \"file\" part");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "this endpoint takes " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "this address does not take " + e.getMethod());
    }

    @ExceptionHandler(CallerLimit.TooManyRequestsException.class)
    ResponseEntity<Map<String, String>> tooMany(CallerLimit.TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(VerifyApiController.error(e.getMessage()));
    }

    /** More than the caller's whole allowance: no Retry-After, waiting will not help. */
    @ExceptionHandler(CallerLimit.OverAllowanceException.class)
    ResponseEntity<Map<String, String>> overAllowance(CallerLimit.OverAllowanceException e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(UploadTooCostlyException.class)
    ResponseEntity<Map<String, String>> tooCostly(UploadTooCostlyException e) {
        refusals.count("upload_" + e.reason());
        LOG.info("upload refused ({}): {}", e.reason(), e.getMessage());
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(DecodersBusyException.class)
    ResponseEntity<Map<String, String>> busy(DecodersBusyException e) {
        refusals.count("decoders_busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(VerifyApiController.error(e.getMessage()));
    }

    /** Anything else the framework knows the status of keeps it; the rest is our fault, logged, and worded plainly. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> other(Exception e) {
        if (e instanceof ErrorResponse known) {
            LOG.debug("request refused by the framework", e);
            return error(HttpStatus.valueOf(known.getStatusCode().value()), "the request cannot be answered ("
                    + known.getStatusCode().value() + ")");
        }
        LOG.error("unexpected failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "the verifier failed; quote the X-Correlation-Id when reporting it");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(VerifyApiController.error(message));
    }
}
