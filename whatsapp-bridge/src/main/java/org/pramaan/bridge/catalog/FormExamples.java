package org.pramaan.bridge.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pramaan.bridge.citizen.Language;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form field's example in the citizen's script. The catalog writes examples once, in English; a Telugu or Hindi
 * prompt must not say "ఉదాహరణకు: Kondapalli Ramesh", so {@code messages/examples.json} gives them in Telugu and
 * Hindi. Identifiers (survey or registration numbers, category codes) stay as written: people write them so too.
 */
@Component
public class FormExamples {

    private static final Pattern LATIN_LOWER = Pattern.compile("[\\p{IsLatin}&&\\p{Ll}]");
    private final Map<String, Map<String, String>> localized = new HashMap<>();

    public FormExamples() {
        try (InputStream in = FormExamples.class.getResourceAsStream("/messages/examples.json")) {
            JsonNode root = JsonMapper.builder().build().readTree(in);
            root.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    Map<String, String> byLanguage = new HashMap<>();
                    e.getValue().properties().forEach(t -> byLanguage.put(t.getKey(), t.getValue().asString()));
                    localized.put(e.getKey(), byLanguage);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example to show, or empty when there is none fit for this language (better none than English). */
    public Optional<String> in(String example, Language language) {
        if (example == null || example.isBlank()) {
            return Optional.empty();
        }
        if (language == Language.EN) {
            return Optional.of(example);
        }
        String mine = localized.getOrDefault(example, Map.of()).get(language.code());
        if (mine != null) {
            return Optional.of(mine);
        }
        return identifier(example) ? Optional.of(example) : Optional.empty();
    }

    /** Digits, upper-case codes and punctuation only ("112/2A", "BC-D"): no word of English to translate. */
    private static boolean identifier(String example) {
        return !LATIN_LOWER.matcher(example).find();
    }
}
