package org.pramaan.issuer.catalog;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.catalog.Department;

/** A synthetic catalog of any size in the real format: half certificate services, half information. */
record GeneratedCatalog(CatalogSource departments, List<CatalogSource> services) {

    static GeneratedCatalog of(int departmentCount, int servicesPerDepartment) {
        StringBuilder departments = new StringBuilder("{\"departments\": [");
        List<CatalogSource> files = new ArrayList<>();
        for (int d = 0; d < departmentCount; d++) {
            String code = "D" + letters(d, 3);
            departments.append(d == 0 ? "" : ",").append("{\"code\": \"").append(code).append("\", \"names\": ")
                    .append(names("Department " + code)).append('}');
            StringBuilder services = new StringBuilder("{\"department\": \"" + code + "\", \"services\": [");
            for (int s = 0; s < servicesPerDepartment; s++) {
                services.append(s == 0 ? "" : ",").append(s % 2 == 0
                        ? certificate(code + "-C" + s, letters(d * servicesPerDepartment + s, 4))
                        : information(code + "-I" + s));
            }
            files.add(new CatalogSource("services/" + code.toLowerCase() + ".json", services.append("]}").toString()));
        }
        return new GeneratedCatalog(new CatalogSource("departments.json", departments.append("]}").toString()), files);
    }

    private static String certificate(String code, String type) {
        return "{\"code\": \"" + code + "\", \"kind\": \"certificate\", \"names\": " + names("Certificate " + code)
                + ", \"descriptions\": " + names("About " + code) + ", \"certificate\": {\"type\": \"" + type
                + "\", \"approval\": \"officer\", \"serviceLevelDays\": 7, \"validityDays\": 365,"
                + " \"template\": \"standard\", \"titles\": " + names("Certificate") + ", \"documents\": [],"
                + " \"fields\": [{\"key\": \"nm\", \"type\": \"name\", \"required\": true, \"onCertificate\": true,"
                + " \"labels\": " + names("Name") + ", \"validation\": {\"minLength\": 2, \"maxLength\": 60}},"
                + " {\"key\": \"ai\", \"type\": \"money\", \"required\": true, \"onCertificate\": true,"
                + " \"labels\": " + names("Income") + ", \"validation\": {\"min\": 0, \"max\": 100000000}},"
                + " {\"key\": \"ah\", \"type\": \"aadhaar\", \"required\": true, \"onCertificate\": false,"
                + " \"labels\": " + names("Aadhaar") + "}]}}";
    }

    private static String information(String code) {
        return "{\"code\": \"" + code + "\", \"kind\": \"information\", \"names\": " + names("Information " + code)
                + ", \"descriptions\": " + names("About " + code) + ", \"information\": {\"text\": "
                + names("How to apply") + ", \"link\": \"https://example.gov.in/" + code + "\"}}";
    }

    private static String names(String english) {
        return "{\"en\": \"" + english + "\", \"te\": \"సేవ " + english.length() + "\", \"hi\": \"सेवा "
                + english.length() + "\"}";
    }

    /** A distinct upper-case letter string of {@code width} for {@code n} (types must be letters only). */
    private static String letters(int n, int width) {
        char[] c = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            c[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(c);
    }
}
