package org.pramaan.verifier.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A certificate's title and fields in the reader's language, fields in the order of the form they
 * were filled in. {@code title} is empty when the catalog does not (yet) know the certificate type.
 */
public record LabelledCertificate(Optional<String> title, List<LabelledField> fields) {

    public LabelledCertificate {
        fields = List.copyOf(fields);
    }
}
