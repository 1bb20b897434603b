package org.pramaan.issuer.console;

import org.pramaan.service.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Console pages for things not found or not allowed, instead of a stack trace; a PDF not made yet as the API answers it. */
@ControllerAdvice(assignableTypes = ConsoleController.class)
public class ConsoleErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "console/error";
    }

    /** The download of a PDF still being rendered: 409 {@code pdf-pending} with {@code Retry-After}, as the API answers. */
    @ExceptionHandler(org.pramaan.issuer.certificate.PdfPendingException.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> pdfPending(
            org.pramaan.issuer.certificate.PdfPendingException e) {
        return org.pramaan.service.problem.Problems.answer(e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "console/error";
    }
}
