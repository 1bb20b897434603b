package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The optional limits of a form field, as the catalog states them (its {@code validation} object).
 *
 * @param options       allowed values of an {@code enum} field, in display order
 * @param notAfterToday a {@code date} field must not lie in the future
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldRules(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, Pattern pattern,
                         List<EnumOption> options, boolean notAfterToday) {

    public static final FieldRules NONE = new FieldRules(null, null, null, null, null, List.of(), false);

    public FieldRules {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** From the catalog's JSON, where {@code notAfterToday} is left out (or null) unless it is true. */
    @JsonCreator
    static FieldRules fromJson(@JsonProperty("minLength") Integer minLength,
            @JsonProperty("maxLength") Integer maxLength, @JsonProperty("min") BigDecimal min,
            @JsonProperty("max") BigDecimal max, @JsonProperty("pattern") Pattern pattern,
            @JsonProperty("options") List<EnumOption> options, @JsonProperty("notAfterToday") Boolean notAfterToday) {
        return new FieldRules(minLength, maxLength, min, max, pattern, options, Boolean.TRUE.equals(notAfterToday));
    }

    public Optional<EnumOption> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    /** One allowed value of an enumeration, with its labels. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EnumOption(String value, Localized labels) {
    }
}
