package org.pramaan.bridge.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClientResponseException;

/**
 * An error answer of issuer-service, read as Spring's {@link ProblemDetail}: RFC 9457 problem details with a
 * {@code code} member, or the older body {@code {"error", "message", "errors"}}, whose members land in the problem's
 * properties; either way the code, the detail and the refused fields come out. Never fails: an answer that is not
 * JSON at all gives a problem with its status only.
 */
record IssuerProblem(int status, String code, String detail, List<IssuerClient.FieldError> fieldErrors) {

    static IssuerProblem of(RestClientResponseException e) {
        ProblemDetail problem;
        try {
            problem = e.getResponseBodyAs(ProblemDetail.class);
        } catch (RuntimeException unreadable) {
            problem = null;
        }
        int status = e.getStatusCode().value();
        if (problem == null) {
            return new IssuerProblem(status, null, null, List.of());
        }
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        String code = text(properties.get("code"));
        if (code == null) {
            code = text(properties.get("error"));
        }
        String detail = problem.getDetail() != null ? problem.getDetail() : text(properties.get("message"));
        return new IssuerProblem(status, code, detail, fieldErrors(properties.get("errors")));
    }

    /** The refused fields, each {@code {"field", "code", "reason"}} (older issuers: no code; problem+json: detail). */
    private static List<IssuerClient.FieldError> fieldErrors(Object errors) {
        List<IssuerClient.FieldError> list = new ArrayList<>();
        if (errors instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> error) {
                    String reason = text(error.get("reason"));
                    list.add(new IssuerClient.FieldError(text(error.get("field")), text(error.get("code")),
                            reason != null ? reason : text(error.get("detail"))));
                }
            }
        }
        return list;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return (code == null ? "no code" : code) + (detail == null ? "" : " (" + detail + ")");
    }
}
