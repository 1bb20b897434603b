package org.pramaan.verifier.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pramaan.credential.Language;
import tools.jackson.databind.JsonNode;

/**
 * A catalog text in the citizen service's languages ({@code {"en","te","hi"}}). A missing language
 * falls back to English: a label in the wrong language is still better than a short key.
 */
public record LocalizedText(Map<String, String> texts) {

    public LocalizedText {
        texts = Map.copyOf(texts);
    }

    static LocalizedText of(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            JsonNode text = node.path(language.code());
            if (text.isString() && !text.stringValue().isBlank()) {
                texts.put(language.code(), text.stringValue().strip());
            }
        }
        return new LocalizedText(texts);
    }

    public Optional<String> in(Language language) {
        String text = texts.get(language.code());
        return Optional.ofNullable(text != null ? text : texts.get(Language.EN.code()));
    }
}
