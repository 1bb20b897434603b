package org.pramaan.issuer.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.catalog.Localized;
import tools.jackson.databind.JsonNode;

/**
 * Reads typed values out of catalog JSON and records a located {@link CatalogProblem} for every
 * value that is missing or wrong, so that one run of the loader reports all of them.
 */
final class JsonFields {

    private final List<CatalogProblem> problems;
    private final String file;
    private final String service;
    private final String field;

    JsonFields(List<CatalogProblem> problems, String file, String service, String field) {
        this.problems = problems;
        this.file = file;
        this.service = service;
        this.field = field;
    }

    JsonFields forService(String code) {
        return new JsonFields(problems, file, code, null);
    }

    JsonFields forField(String key) {
        return new JsonFields(problems, file, service, key);
    }

    int problemCount() {
        return problems.size();
    }

    void problem(String message) {
        problems.add(new CatalogProblem(file, service, field, message));
    }

    String text(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("'" + name + "' is missing");
            }
            return null;
        }
        if (!value.isString() || value.stringValue().isBlank()) {
            problem("'" + name + "' must be a non-empty string");
            return null;
        }
        return value.stringValue();
    }

    Integer integer(JsonNode node, String name, int min, int max, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("'" + name + "' is missing");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            problem("'" + name + "' must be a whole number from " + min + " to " + max + ", got " + value);
            return null;
        }
        return value.intValue();
    }

    BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problem("'" + name + "' must be a number, got " + value);
            return null;
        }
        return value.decimalValue();
    }

    boolean bool(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("'" + name + "' is missing");
            }
            return false;
        }
        if (!value.isBoolean()) {
            problem("'" + name + "' must be true or false, got " + value);
            return false;
        }
        return value.booleanValue();
    }

    List<JsonNode> array(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem("'" + name + "' is missing");
            }
            return List.of();
        }
        if (!value.isArray()) {
            problem("'" + name + "' must be a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A text in en, te and hi, each non-empty, Telugu and Devanagari in their own scripts. */
    Localized localized(JsonNode node, String name, int maxLength) {
        JsonNode value = node.get(name);
        if (value == null || !value.isObject()) {
            problem("'" + name + "' must be an object with en, te and hi");
            return null;
        }
        String en = text(value, "en", false);
        String te = text(value, "te", false);
        String hi = text(value, "hi", false);
        boolean ok = check(name, "en", en, maxLength, null)
                & check(name, "te", te, maxLength, Character.UnicodeScript.TELUGU)
                & check(name, "hi", hi, maxLength, Character.UnicodeScript.DEVANAGARI);
        return ok ? new Localized(en, te, hi) : null;
    }

    private boolean check(String name, String language, String text, int maxLength, Character.UnicodeScript script) {
        if (text == null) {
            problem("'" + name + "." + language + "' is missing or empty");
            return false;
        }
        if (text.length() > maxLength) {
            problem("'" + name + "." + language + "' is longer than " + maxLength + " characters");
            return false;
        }
        if (script != null && text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == script)) {
            problem("'" + name + "." + language + "' is not written in " + script.name().toLowerCase() + " script");
            return false;
        }
        return true;
    }
}
