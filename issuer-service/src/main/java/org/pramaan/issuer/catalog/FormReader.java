package org.pramaan.issuer.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.catalog.document.DocumentKind;
import tools.jackson.databind.JsonNode;

/** Reads the {@code certificate} object of a certificate service, checking every rule of the format. */
final class FormReader {

    private static final Pattern FIELD_KEY = Pattern.compile("[a-z]{2,3}");
    private static final Pattern DOCUMENT_KEY = Pattern.compile("[a-z][a-z0-9_]{1,11}");
    private static final Pattern DIGILOCKER_DOC_TYPE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    CertificateForm read(JsonNode node, JsonFields at) {
        int before = at.problemCount();
        String type = at.text(node, "type", true);
        if (type != null && !CatalogLoader.CERTIFICATE_TYPE.matcher(type).matches()) {
            at.forField("certificate.type").problem("type must be 2 to 6 upper-case letters, got '" + type + "'");
        }
        String approvalText = at.text(node, "approval", true);
        CertificateForm.Approval approval = null;
        if ("officer".equals(approvalText)) {
            approval = CertificateForm.Approval.OFFICER;
        } else if ("automatic".equals(approvalText)) {
            approval = CertificateForm.Approval.AUTOMATIC;
        } else if (approvalText != null) {
            at.problem("approval must be officer or automatic, got '" + approvalText + "'");
        }
        Integer serviceLevel = at.integer(node, "serviceLevelDays", 1, 90, true);
        Integer validity = at.integer(node, "validityDays", 1, 36500, false);
        String template = at.text(node, "template", true);
        // Optional: catalogs from before DigiLocker load unchanged, their certificates simply not offered to it.
        String docType = at.text(node, "digiLockerDocType", false);
        if (docType != null && !DIGILOCKER_DOC_TYPE.matcher(docType).matches()) {
            at.forField("certificate.digiLockerDocType").problem("digiLockerDocType must be 2 to 10 upper-case"
                    + " letters or digits, got '" + docType + "'");
        }
        Localized titles = at.localized(node, "titles", 120);
        List<SupportingDocument> documents = readDocuments(node, at);
        List<FormField> fields = readFields(node, at);
        if (at.problemCount() > before) {
            return null;
        }
        return new CertificateForm(type, approval, serviceLevel, validity, template, titles, documents, fields, docType);
    }

    private List<FormField> readFields(JsonNode node, JsonFields at) {
        List<JsonNode> nodes = at.array(node, "fields", true);
        if (nodes.isEmpty()) {
            at.problem("a certificate form needs at least the field nm");
            return List.of();
        }
        List<FormField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode f = nodes.get(i);
            String key = f.path("key").isString() ? f.path("key").stringValue() : "#" + (i + 1);
            JsonFields here = at.forField(key);
            if (!FIELD_KEY.matcher(key).matches()) {
                here.problem("key must be 2 or 3 lower-case letters");
            }
            if (!keys.add(key)) {
                here.problem("key is used twice in this form");
            }
            FormField field = readField(f, key, here);
            if (i == 0 && (!CertificateForm.HOLDER_NAME.equals(key) || field != null && field.type() != FieldType.NAME)) {
                here.problem("the first field must be key nm, type name (the holder name)");
            }
            if (field != null) {
                fields.add(field);
            }
        }
        return fields;
    }

    private FormField readField(JsonNode f, String key, JsonFields at) {
        int before = at.problemCount();
        String typeText = at.text(f, "type", true);
        FieldType type = null;
        if (typeText != null) {
            try {
                type = FieldType.valueOf(typeText.toUpperCase());
            } catch (IllegalArgumentException e) {
                at.problem("unknown field type '" + typeText + "'");
            }
        }
        boolean required = at.bool(f, "required", true);
        boolean onCertificate = at.bool(f, "onCertificate", true);
        if (type == FieldType.AADHAAR && onCertificate) {
            at.problem("an Aadhaar number is never printed or signed: onCertificate must be false");
        }
        Localized labels = at.localized(f, "labels", 80);
        String example = at.text(f, "example", false);
        FieldRules validation = readValidation(f.path("validation"), type, at);
        if (at.problemCount() > before) {
            return null;
        }
        return new FormField(key, type, required, onCertificate, labels, example, validation);
    }

    private FieldRules readValidation(JsonNode v, FieldType type, JsonFields at) {
        if (v.isMissingNode() || v.isNull()) {
            if (type == FieldType.ENUM) {
                at.problem("an enum field needs validation.options");
            }
            return FieldRules.NONE;
        }
        if (!v.isObject()) {
            at.problem("'validation' must be an object");
            return FieldRules.NONE;
        }
        for (String name : v.propertyNames()) {
            if (!Set.of("minLength", "maxLength", "min", "max", "pattern", "options", "notAfterToday").contains(name)) {
                at.problem("unknown validation key '" + name + "'");
            }
        }
        Integer minLength = at.integer(v, "minLength", 0, 500, false);
        Integer maxLength = at.integer(v, "maxLength", 1, 500, false);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            at.problem("validation.minLength is greater than maxLength");
        }
        BigDecimal min = at.decimal(v, "min");
        BigDecimal max = at.decimal(v, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            at.problem("validation.min is greater than max");
        }
        Pattern pattern = null;
        String regex = at.text(v, "pattern", false);
        if (regex != null) {
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                at.problem("validation.pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        List<FieldRules.EnumOption> options = new ArrayList<>();
        for (JsonNode o : at.array(v, "options", type == FieldType.ENUM)) {
            String value = at.text(o, "value", true);
            Localized labels = at.localized(o, "labels", 80);
            if (value != null && labels != null) {
                if (options.stream().anyMatch(x -> x.value().equals(value))) {
                    at.problem("option '" + value + "' is listed twice");
                }
                options.add(new FieldRules.EnumOption(value, labels));
            }
        }
        if (type == FieldType.ENUM && options.isEmpty()) {
            at.problem("an enum field needs at least one option");
        }
        boolean notAfterToday = at.bool(v, "notAfterToday", false);
        if (notAfterToday && type != FieldType.DATE) {
            at.problem("notAfterToday applies to date fields only");
        }
        return new FieldRules(minLength, maxLength, min, max, pattern, options, notAfterToday);
    }

    /**
     * Supporting documents: {@code {key, labels, required, kinds}} for one the chat asks for, or a bare {en, te, hi}
     * for one only listed in the service's introduction.
     */
    private static List<SupportingDocument> readDocuments(JsonNode node, JsonFields at) {
        List<SupportingDocument> documents = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode document : at.array(node, "documents", false)) {
            if (!document.isObject()) {
                at.problem("each of 'documents' must be an object");
                continue;
            }
            if (!document.has("key") && !document.has("labels")) {
                Localized text = at.localized(wrap(document), "document", 200);
                if (text != null) {
                    documents.add(SupportingDocument.listed(text));
                }
                continue;
            }
            String key = at.text(document, "key", true);
            if (key != null && !DOCUMENT_KEY.matcher(key).matches()) {
                at.problem("a document key is 2 to 12 lower-case letters, digits or _, starting with a letter, got '"
                        + key + "'");
            } else if (key != null && !keys.add(key)) {
                at.problem("document key '" + key + "' appears twice");
            }
            Localized labels = at.localized(document, "labels", 60);
            boolean required = at.bool(document, "required", true);
            List<DocumentKind> kinds = new ArrayList<>();
            for (JsonNode kind : at.array(document, "kinds", true)) {
                try {
                    DocumentKind parsed = DocumentKind.parse(kind.isString() ? kind.stringValue() : kind.toString());
                    if (!kinds.contains(parsed)) {
                        kinds.add(parsed);
                    }
                } catch (IllegalArgumentException e) {
                    at.problem("document " + key + ": " + e.getMessage());
                }
            }
            if (kinds.isEmpty()) {
                at.problem("document " + key + " needs at least one of the kinds image, pdf");
            }
            if (key != null && labels != null && !kinds.isEmpty()) {
                documents.add(new SupportingDocument(key, labels, required, kinds));
            }
        }
        return documents;
    }

    /** Listed-only documents are bare {en, te, hi} objects; wrapping lets them share the localized check. */
    private static JsonNode wrap(JsonNode document) {
        return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("document", document);
    }
}
