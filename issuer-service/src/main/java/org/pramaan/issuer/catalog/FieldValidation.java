package org.pramaan.issuer.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The optional limits of a form field, as the catalog states them.
 *
 * @param options       allowed values of an {@code enum} field, in display order
 * @param notAfterToday a {@code date} field must not lie in the future
 */
public record FieldValidation(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, Pattern pattern,
                              List<EnumOption> options, boolean notAfterToday) {

    public static final FieldValidation NONE = new FieldValidation(null, null, null, null, null, List.of(), false);

    public FieldValidation {
        options = List.copyOf(options);
    }

    public Optional<EnumOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** One allowed value of an enumeration, with its labels. */
    public record EnumOption(String value, Localized labels) {
    }
}
