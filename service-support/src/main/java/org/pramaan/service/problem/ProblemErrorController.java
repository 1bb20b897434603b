package org.pramaan.service.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for what no controller answered (an unknown address, a failure in a filter, a {@code sendError}):
 * in place of Boot's BasicErrorController, which would answer programs with its own JSON map. A browser (Accept
 * {@code text/html}) still gets the service's HTML error view; every other caller a problem in the contract, with
 * the code its status has. Nothing of the failure itself is said: the status is all a caller needs.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController extends AbstractErrorController {

    /** What an address that does not exist answers; a guard that hides an address answers the same. */
    public static final String NOT_FOUND_DETAIL = "nothing is at this address";

    public ProblemErrorController(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorViewResolvers.orderedStream().toList());
    }

    @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        response.setStatus(status.value());
        ModelAndView view = resolveErrorView(request, response, status, model);
        return view != null ? view : new ModelAndView("error", model);
    }

    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        ProblemCode code = ProblemCode.forStatus(getStatus(request).value());
        String detail = code == ProblemCode.NOT_FOUND ? NOT_FOUND_DETAIL
                : code == ProblemCode.INTERNAL_ERROR ? "the service failed; quote the X-Correlation-Id when reporting it"
                : code.title();
        ProblemDetail problem = Problems.of(code, detail);
        // The address that failed, not /error (which Spring would fill in).
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // A request line Tomcat let through but java.net.URI refuses: the answer goes without it.
            }
        }
        return Problems.answer(problem, null);
    }
}
