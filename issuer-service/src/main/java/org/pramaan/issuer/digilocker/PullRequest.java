package org.pramaan.issuer.digilocker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Pull URI or Pull Doc request as DigiLocker sent it, in XML or JSON: the root's attributes ({@code ver}, {@code ts},
 * {@code txn}, {@code orgId}, {@code format}) and the {@code DocDetails} children in the order sent.
 *
 * @param kind    which call
 * @param syntax  how it was written, and so how it is answered
 */
public record PullRequest(Kind kind, Syntax syntax, Map<String, String> attributes, Map<String, String> details) {

    /** The two calls; the request's and the response's root names. */
    public enum Kind {
        PULL_URI("PullURIRequest", "PullURIResponse"), PULL_DOC("PullDocRequest", "PullDocResponse");

        final String request;
        final String response;

        Kind(String request, String response) {
            this.request = request;
            this.response = response;
        }
    }

    /** XML, DigiLocker's own, or the same structure in JSON. */
    public enum Syntax {
        XML, JSON
    }

    /** What DigiLocker asked to receive; absent means the PDF. */
    public enum Format {
        PDF, XML, BOTH;

        boolean pdf() {
            return this != XML;
        }

        boolean xml() {
            return this != PDF;
        }
    }

    public PullRequest {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }

    public String detail(String name) {
        return details.getOrDefault(name, "").strip();
    }

    public String orgId() {
        return attribute("orgId");
    }

    /** @throws MalformedPullException for a format other than xml, pdf or both */
    public Format format() {
        String format = attribute("format").strip().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "", "pdf" -> Format.PDF;
            case "xml" -> Format.XML;
            case "both" -> Format.BOTH;
            default -> throw new MalformedPullException("format must be xml, pdf or both");
        };
    }
}
