package org.pramaan.verifier.web;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Words a JSON reading failure for the caller: where (the field path, e.g. {@code qrs[2]}) and what
 * kind of mistake, without Jackson's message, which names Java types of this service.
 */
final class JsonMistakes {

    private JsonMistakes() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause == e) {
            return "the body is empty; send a JSON object such as {\"qr\": \"...\"}";
        }
        if (cause instanceof StreamReadException syntax) {
            return syntax.getLocation() == null ? "it is not well-formed JSON"
                    : "it is not well-formed JSON (line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr() + ")";
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            return "\"" + path + "\" has the wrong type (\"qr\" is a text, \"qrs\" a list of texts, \"receipt\" true or false)";
        }
        return cause instanceof JacksonException ? "the body must be a JSON object such as {\"qr\": \"...\"}"
                : "the body cannot be read";
    }
}
