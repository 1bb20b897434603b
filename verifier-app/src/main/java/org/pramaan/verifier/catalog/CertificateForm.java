package org.pramaan.verifier.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the verifier needs of one certificate service in the catalog: which department issues which
 * certificate type, its printed title, and its fields in form order.
 */
public record CertificateForm(String department, String serviceCode, String type, LocalizedText titles,
                              List<Field> fields) {

    public CertificateForm {
        fields = List.copyOf(fields);
    }

    /**
     * One form field: its short key (as in the QR credential), its label, and for enum fields the
     * label of each option value.
     */
    public record Field(String key, LocalizedText labels, Map<String, LocalizedText> options) {

        public Field {
            options = Map.copyOf(options);
        }

        public Optional<LocalizedText> option(String value) {
            return Optional.ofNullable(options.get(value));
        }
    }
}
