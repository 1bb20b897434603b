package org.pramaan.verifier.web;

import java.time.Duration;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.Problems;
import org.pramaan.verifier.image.DecodersBusyException;
import org.pramaan.verifier.image.UnreadableUploadException;
import org.pramaan.verifier.image.UploadTooCostlyException;
import org.pramaan.verifier.security.CallerLimit;
import org.pramaan.verifier.security.Refusals;
import org.pramaan.verifier.verification.PublicReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
 * The verifier's refusals in the one error contract ({@code application/problem+json} with a
 * {@link ProblemCode}), worded in the API's terms: what to change. Exception messages of the framework and parsers
 * (which name Java types) never reach the caller, they are logged at debug. Anything not handled here is answered
 * by the shared {@link org.pramaan.service.problem.ProblemAnswers}: a bug is a logged 500 {@code internal-error}.
 */
@RestControllerAdvice(assignableTypes = {VerifyApiController.class, OfflineBundleController.class, org.pramaan.verifier.apikey.ApiKeyAdminController.class})
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private final Refusals refusals;

    public ApiErrors(Refusals refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
        return Problems.answer(ProblemCode.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnreadableUploadException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(UnreadableUploadException e) {
        LOG.debug("unreadable upload", e);
        return Problems.answer(ProblemCode.BAD_REQUEST, PublicReasons.scrub(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        LOG.debug("unreadable request body: {}", e.getMostSpecificCause().getMessage());
        return Problems.answer(ProblemCode.INVALID_JSON, "the body is not the JSON this endpoint takes: "
                + JsonMistakes.describe(e));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return Problems.answer(ProblemCode.BAD_REQUEST, "the upload needs a \"" + e.getRequestPartName()
                + "\" part with the file");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return Problems.answer(ProblemCode.BAD_REQUEST, "the parameter \"" + e.getParameterName() + "\" is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return Problems.answer(ProblemCode.BAD_REQUEST, "the parameter \"" + e.getName() + "\" has a value it cannot take"
                + (e.getRequiredType() == boolean.class || e.getRequiredType() == Boolean.class ? " (true or false)" : ""));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        refusals.count("body_too_large");
        return Problems.answer(ProblemCode.TOO_LARGE, "the upload is too large");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return Problems.answer(ProblemCode.BAD_REQUEST, "not a readable multipart upload with a \"file\" part");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.answer(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "this endpoint takes " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.answer(ProblemCode.METHOD_NOT_ALLOWED, "this address does not take " + e.getMethod());
    }

    @ExceptionHandler(CallerLimit.TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(CallerLimit.TooManyRequestsException e) {
        return Problems.answer(Problems.of(ProblemCode.RATE_LIMITED, e.getMessage()),
                Duration.ofSeconds(e.retryAfterSeconds()));
    }

    /** More than the caller's whole allowance: no Retry-After, waiting will not help. */
    @ExceptionHandler(CallerLimit.OverAllowanceException.class)
    ResponseEntity<ProblemDetail> overAllowance(CallerLimit.OverAllowanceException e) {
        return Problems.answer(ProblemCode.OVER_ALLOWANCE, e.getMessage());
    }

    @ExceptionHandler(UploadTooCostlyException.class)
    ResponseEntity<ProblemDetail> tooCostly(UploadTooCostlyException e) {
        refusals.count("upload_" + e.reason());
        LOG.info("upload refused ({}): {}", e.reason(), e.getMessage());
        return Problems.answer(ProblemCode.UPLOAD_TOO_COSTLY, e.getMessage());
    }

    @ExceptionHandler(DecodersBusyException.class)
    ResponseEntity<ProblemDetail> busy(DecodersBusyException e) {
        refusals.count("decoders_busy");
        return Problems.answer(Problems.of(ProblemCode.DECODERS_BUSY, e.getMessage()),
                Duration.ofSeconds(e.retryAfterSeconds()));
    }
}
