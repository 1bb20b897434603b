package org.pramaan.verifier.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.pramaan.credential.Language;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a person's browser gets when something goes wrong: a page in their language saying what
 * happened and the way back to the start page, never the framework's Whitelabel page. API clients
 * (no {@code text/html} in Accept) get a problem instead (service-support's ProblemErrorController).
 */
@Component
public class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Language language = Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
        ModelAndView view = new ModelAndView("error", status);
        view.addObject("lang", language.code());
        view.addObject("status", status.value());
        view.addObject("kind", kind(status));
        return view;
    }

    /** The few situations a person can act on differently; every other status reads as "our fault, try again". */
    static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "notFound";
            case TOO_MANY_REQUESTS -> "tooMany";
            case PAYLOAD_TOO_LARGE -> "tooLarge";
            case SERVICE_UNAVAILABLE -> "busy";
            default -> status.is4xxClientError() ? "badRequest" : "failed";
        };
    }
}
