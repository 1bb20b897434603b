package org.pramaan.verifier.web;

import java.util.Map;
import org.pramaan.verifier.image.UnreadableUploadException;
import org.pramaan.verifier.security.CallerLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * Every client mistake is a 4xx with a reason in {@code {"error": ...}}; nothing a client sends
 * becomes a 500.
 */
@RestControllerAdvice(assignableTypes = {VerifyApiController.class, org.pramaan.verifier.apikey.ApiKeyAdminController.class})
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler({BadRequestException.class, UnreadableUploadException.class, IllegalArgumentException.class})
    ResponseEntity<Map<String, String>> badRequest(RuntimeException e) {
        return ResponseEntity.badRequest().body(VerifyApiController.error(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(VerifyApiController.error("the body is not the JSON this endpoint takes: "
                + firstLine(e.getMostSpecificCause().getMessage())));
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> missing(Exception e) {
        return ResponseEntity.badRequest().body(VerifyApiController.error(e.getMessage()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(VerifyApiController.error("the upload is too large"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Map<String, String>> multipart(MultipartException e) {
        return ResponseEntity.badRequest().body(VerifyApiController.error("not a readable multipart upload with a \"file\" part"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(VerifyApiController.error(e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(VerifyApiController.error(e.getMessage()));
    }

    @ExceptionHandler(CallerLimit.TooManyRequestsException.class)
    ResponseEntity<Map<String, String>> tooMany(CallerLimit.TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(VerifyApiController.error(e.getMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        LOG.debug("unreadable request body: {}", line);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
