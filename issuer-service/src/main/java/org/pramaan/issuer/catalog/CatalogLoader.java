package org.pramaan.issuer.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.Department;
import org.pramaan.catalog.Localized;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.catalog.ServiceKind;
import org.pramaan.contract.id.DepartmentCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates the catalog data (format: {@code catalog/README.md}). Every problem is
 * collected with its file, service and field; any problem at all fails the load, so that a broken
 * entry stops the service instead of surfacing in a citizen's chat.
 */
public final class CatalogLoader {

    static final Pattern DEPARTMENT_CODE = Pattern.compile("[A-Z][A-Z0-9]{1,7}");
    static final Pattern SERVICE_CODE = Pattern.compile("[A-Z][A-Z0-9-]{2,39}");
    static final Pattern CERTIFICATE_TYPE = Pattern.compile("[A-Z]{2,6}");
    static final int NAME_LENGTH = 60;
    static final int DESCRIPTION_LENGTH = 72;
    static final int TEXT_LENGTH = 1000;

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** Loads {@code departments} (departments.json) and one source per services file. */
    public Catalog load(CatalogSource departments, List<CatalogSource> serviceFiles) {
        List<CatalogProblem> problems = new ArrayList<>();
        List<Department> loadedDepartments = readDepartments(departments, problems);
        Set<DepartmentCode> known = new HashSet<>();
        loadedDepartments.forEach(d -> known.add(d.code()));

        List<ServiceDefinition> services = new ArrayList<>();
        Map<String, String> serviceFileByCode = new HashMap<>();
        Map<String, String> serviceByType = new HashMap<>();
        FormReader forms = new FormReader();
        for (CatalogSource file : serviceFiles) {
            JsonFields json = new JsonFields(problems, file.name(), null, null);
            JsonNode root = parse(file, json);
            if (root == null) {
                continue;
            }
            String department = json.text(root, "department", true);
            if (department != null && !known.contains(safeCode(department))) {
                json.problem("department '" + department + "' is not in " + departments.name());
                continue;
            }
            if (department != null && !file.name().endsWith(department.toLowerCase() + ".json")) {
                json.problem("a services file is named after its department: expected "
                        + department.toLowerCase() + ".json");
            }
            for (JsonNode node : json.array(root, "services", true)) {
                String code = node.path("code").isString() ? node.path("code").stringValue() : "#" + services.size();
                JsonFields at = json.forService(code);
                if (!SERVICE_CODE.matcher(code).matches()) {
                    at.problem("service code must match " + SERVICE_CODE.pattern());
                }
                String earlier = serviceFileByCode.putIfAbsent(code, file.name());
                if (earlier != null) {
                    at.problem("service code is already used in " + earlier);
                }
                ServiceDefinition service = readService(node, department, at, forms);
                if (service == null) {
                    continue;
                }
                if (service.certificate() != null) {
                    String other = serviceByType.putIfAbsent(service.certificate().type(), code);
                    if (other != null) {
                        at.forField("certificate.type").problem("certificate type " + service.certificate().type()
                                + " is already used by " + other);
                    }
                }
                services.add(service);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new Catalog(loadedDepartments, services);
    }

    private List<Department> readDepartments(CatalogSource source, List<CatalogProblem> problems) {
        JsonFields json = new JsonFields(problems, source.name(), null, null);
        JsonNode root = parse(source, json);
        if (root == null) {
            return List.of();
        }
        Map<DepartmentCode, Department> departments = new LinkedHashMap<>();
        for (JsonNode node : json.array(root, "departments", true)) {
            String code = json.text(node, "code", true);
            if (code == null) {
                continue;
            }
            JsonFields at = json.forService(code);
            if (!DEPARTMENT_CODE.matcher(code).matches()) {
                at.problem("department code must match " + DEPARTMENT_CODE.pattern());
                continue;
            }
            Localized names = at.localized(node, "names", 120);
            if (names != null && departments.putIfAbsent(DepartmentCode.of(code), new Department(DepartmentCode.of(code), names)) != null) {
                at.problem("department code is listed twice");
            }
        }
        return List.copyOf(departments.values());
    }

    private ServiceDefinition readService(JsonNode node, String department, JsonFields at, FormReader forms) {
        int before = at.problemCount();
        String kindText = at.text(node, "kind", true);
        ServiceKind kind = null;
        if (kindText != null) {
            try {
                kind = ServiceKind.valueOf(kindText.toUpperCase());
            } catch (IllegalArgumentException e) {
                at.problem("kind must be certificate, information, payment or booking, got '" + kindText + "'");
            }
        }
        Localized names = at.localized(node, "names", NAME_LENGTH);
        Localized descriptions = at.localized(node, "descriptions", DESCRIPTION_LENGTH);
        Map<String, List<String>> keywords = readKeywords(node, at);
        ServiceDefinition.Information information = null;
        CertificateForm certificate = null;
        if (kind == ServiceKind.INFORMATION) {
            JsonNode info = node.path("information");
            if (!info.isObject()) {
                at.problem("an information service needs 'information' with text and link");
            } else {
                Localized text = at.localized(info, "text", TEXT_LENGTH);
                String link = at.text(info, "link", true);
                if (link != null && !link.startsWith("https://")) {
                    at.problem("information.link must be an https:// address");
                }
                information = new ServiceDefinition.Information(text, link);
            }
        }
        if (kind == ServiceKind.CERTIFICATE) {
            if (!node.path("certificate").isObject()) {
                at.problem("a certificate service needs 'certificate'");
            } else {
                certificate = forms.read(node.path("certificate"), at);
            }
        }
        if (at.problemCount() > before || department == null) {
            return null;
        }
        return new ServiceDefinition(node.path("code").stringValue(), DepartmentCode.of(department), kind, names,
                descriptions, keywords, information, certificate);
    }

    private Map<String, List<String>> readKeywords(JsonNode node, JsonFields at) {
        JsonNode value = node.get("keywords");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            at.problem("'keywords' must be an object of lists");
            return Map.of();
        }
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String language : value.propertyNames()) {
            List<String> words = new ArrayList<>();
            for (JsonNode word : at.array(value, language, false)) {
                if (word.isString() && !word.stringValue().isBlank()) {
                    words.add(word.stringValue());
                } else {
                    at.problem("keywords." + language + " must hold non-empty strings");
                }
            }
            keywords.put(language, List.copyOf(words));
        }
        return keywords;
    }

    private JsonNode parse(CatalogSource source, JsonFields json) {
        try {
            JsonNode root = mapper.readTree(source.json());
            if (root == null || !root.isObject()) {
                json.problem("the file must hold one JSON object");
                return null;
            }
            return root;
        } catch (JacksonException e) {
            json.problem("not valid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static DepartmentCode safeCode(String code) {
        return DEPARTMENT_CODE.matcher(code).matches() ? DepartmentCode.of(code) : null;
    }
}
