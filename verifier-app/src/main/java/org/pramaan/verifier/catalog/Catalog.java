package org.pramaan.verifier.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The part of issuer-service's public catalog ({@code GET /api/v1/catalog}) the verifier shows:
 * department names and, per certificate type, the title and field labels. Read leniently: a
 * service the verifier cannot make sense of is skipped, not the whole catalog, since labels only
 * make an answer easier to read and never decide it.
 */
public final class Catalog {

    private final Map<String, LocalizedText> departments;
    private final Map<FormKey, CertificateForm> forms;

    private Catalog(Map<String, LocalizedText> departments, Map<FormKey, CertificateForm> forms) {
        this.departments = Map.copyOf(departments);
        this.forms = Map.copyOf(forms);
    }

    /**
     * Reads the catalog's JSON: {@code {"departments":[{"code","names","services":[{"code",
     * "certificate":{"type","titles","fields":[{"key","labels","validation":{"options":[...]}}]}}]}]}}.
     *
     * @throws IllegalArgumentException when it has no departments array at all
     */
    public static Catalog parse(JsonNode root) {
        JsonNode list = root.path("departments");
        if (!list.isArray()) {
            throw new IllegalArgumentException("the catalog has no \"departments\" array");
        }
        Map<String, LocalizedText> departments = new LinkedHashMap<>();
        Map<FormKey, CertificateForm> forms = new HashMap<>();
        for (JsonNode department : list) {
            String code = text(department.path("code"));
            if (code == null) {
                continue;
            }
            departments.put(code, LocalizedText.of(department.path("names")));
            for (JsonNode service : department.path("services")) {
                form(code, service).ifPresent(form -> forms.putIfAbsent(new FormKey(code, form.type()), form));
            }
        }
        return new Catalog(departments, forms);
    }

    public Optional<LocalizedText> departmentNames(String department) {
        return Optional.ofNullable(departments.get(department));
    }

    /** The certificate service of this department issuing this type, if the catalog has one. */
    public Optional<CertificateForm> form(String department, String type) {
        return Optional.ofNullable(forms.get(new FormKey(department, type)));
    }

    public int formCount() {
        return forms.size();
    }

    private static Optional<CertificateForm> form(String department, JsonNode service) {
        JsonNode certificate = service.path("certificate");
        String type = text(certificate.path("type"));
        if (!certificate.isObject() || type == null) {
            return Optional.empty();
        }
        List<CertificateForm.Field> fields = new ArrayList<>();
        for (JsonNode field : certificate.path("fields")) {
            String key = text(field.path("key"));
            if (key == null) {
                continue;
            }
            Map<String, LocalizedText> options = new HashMap<>();
            for (JsonNode option : field.path("validation").path("options")) {
                String value = text(option.path("value"));
                if (value != null) {
                    options.putIfAbsent(value, LocalizedText.of(option.path("labels")));
                }
            }
            fields.add(new CertificateForm.Field(key, LocalizedText.of(field.path("labels")), options));
        }
        return Optional.of(new CertificateForm(department, text(service.path("code")), type,
                LocalizedText.of(certificate.path("titles")), fields));
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? node.stringValue().strip() : null;
    }

    private record FormKey(String department, String type) {
    }
}
