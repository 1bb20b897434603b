package org.pramaan.bridge.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Words a citizen may type at any point, in Telugu, English and Hindi (and common Latin spellings). */
public enum Command {
    MENU, HELP, STATUS, BACK, CANCEL, LANGUAGE;

    private static final Map<Command, Set<String>> WORDS = Map.of(
            MENU, Set.of("menu", "main menu", "hi", "hello", "hai", "start", "namaste", "namaskaram",
                    "మెనూ", "మెను", "ప్రధాన మెనూ", "నమస్కారం", "మెన్యూ", "मेनू", "मेन्यू", "मुख्य मेनू", "नमस्ते"),
            HELP, Set.of("help", "sahayam", "madad", "సహాయం", "సాయం", "मदद", "सहायता"),
            STATUS, Set.of("status", "track", "sthiti", "స్థితి", "స్టేటస్", "स्थिति", "स्टेटस"),
            BACK, Set.of("back", "previous", "venukaku", "vapas", "వెనుకకు", "వెనక్కి", "वापस", "पीछे"),
            CANCEL, Set.of("cancel", "stop", "quit", "raddu", "radd", "రద్దు", "ఆపు", "रद्द", "रद्द करें", "बंद"),
            LANGUAGE, Set.of("language", "lang", "bhasha", "భాష", "भाषा"));

    public static Optional<Command> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT)
                .replaceAll("[.!?।]+$", "");
        for (Map.Entry<Command, Set<String>> e : WORDS.entrySet()) {
            if (e.getValue().contains(t)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
