package org.pramaan.bridge.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.pramaan.bridge.search.SearchText;

/**
 * Words a citizen may type at any point, in Telugu, English and Hindi (and common Latin spellings), the main menu's
 * own labels among them: recognised before any service search, so "నా ధృవీకరణ పత్రాలు" is the citizen's certificates,
 * not a police lost-articles service. Compared cleaned (no zero-width joiners, case or punctuation), then in one Latin
 * form without spaces with a letter of leeway for longer phrases ("my certficates", "मेरे प्रमाणपत्र").
 */
public enum Command {
    MENU, HELP, STATUS, BACK, CANCEL, LANGUAGE, APPLY, CERTIFICATES, VERIFY;

    private static final Map<Command, Set<String>> WORDS = Map.of(
            MENU, Set.of("menu", "main menu", "hi", "hello", "hai", "start", "namaste", "namaskaram",
                    "మెనూ", "మెను", "ప్రధాన మెనూ", "నమస్కారం", "మెన్యూ", "मेनू", "मेन्यू", "मुख्य मेनू", "नमस्ते"),
            HELP, Set.of("help", "sahayam", "madad", "సహాయం", "సాయం", "मदद", "सहायता"),
            STATUS, Set.of("status", "track", "sthiti", "స్థితి", "స్టేటస్", "स्थिति", "स्टेटस",
                    "track application", "application status", "my applications", "దరఖాస్తు స్థితి",
                    "నా దరఖాస్తులు", "आवेदन की स्थिति", "मेरे आवेदन"),
            BACK, Set.of("back", "previous", "venukaku", "vapas", "వెనుకకు", "వెనక్కి", "वापस", "पीछे"),
            CANCEL, Set.of("cancel", "stop", "quit", "raddu", "radd", "రద్దు", "ఆపు", "रद्द", "रद्द करें", "बंद"),
            LANGUAGE, Set.of("language", "lang", "bhasha", "భాష", "भाषा", "change language", "భాష మార్చండి",
                    "भाषा बदलें"),
            APPLY, Set.of("apply", "apply for a service", "సేవకు దరఖాస్తు", "सेवा के लिए आवेदन", "दरखास्त"),
            CERTIFICATES, Set.of("my certificates", "my certificate", "show my certificates", "my certs",
                    "నా ధృవీకరణ పత్రాలు", "నా ధృవీకరణ పత్రం", "నా సర్టిఫికెట్లు", "నా సర్టిఫికెట్స్", "నా పత్రాలు",
                    "मेरे प्रमाण पत्र", "मेरा प्रमाण पत्र", "मेरे सर्टिफिकेट", "naa certificates", "naa certificate",
                    "mere certificate", "mere praman patra", "naa dhruvikarana patralu"),
            VERIFY, Set.of("verify", "verify a certificate", "verify certificate", "check certificate",
                    "పత్రాన్ని తనిఖీ చేయండి", "పత్రం తనిఖీ", "प्रमाण पत्र जाँचें", "प्रमाण पत्र जांचें"));

    /** Of these, only the clean form counts: a letter off is another word ("hi" and "ha", "stop" and "shop"). */
    private static final int FUZZY_FROM = 8;
    /** At most two letters apart; beyond that the distance is not worked out (-1). */
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(2);
    private static final Map<String, Command> CLEAN = new HashMap<>();
    private static final Map<String, Command> LATIN = new HashMap<>();

    static {
        WORDS.forEach((command, words) -> words.forEach(w -> {
            CLEAN.put(SearchText.clean(w), command);
            LATIN.put(joined(w), command);
        }));
    }

    /** Commands that start something new, taken only outside a form, where the same words could be an answer. */
    public boolean outsideFormsOnly() {
        return this == APPLY || this == CERTIFICATES || this == VERIFY;
    }

    public static Optional<Command> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = SearchText.clean(text);
        Command exact = CLEAN.get(clean);
        if (exact != null) {
            return Optional.of(exact);
        }
        String latin = joined(text);
        if (latin.length() < FUZZY_FROM) {
            return Optional.ofNullable(LATIN.get(latin));
        }
        Command best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Map.Entry<String, Command> e : LATIN.entrySet()) {
            if (e.getKey().length() < FUZZY_FROM || Math.abs(e.getKey().length() - latin.length()) > 2) {
                continue;
            }
            int allowed = e.getKey().length() >= 14 ? 2 : 1;
            int d = DISTANCE.apply(latin, e.getKey());
            if (d >= 0 && d <= allowed && d < bestDistance) {
                best = e.getValue();
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The Latin form without spaces: "मेरे प्रमाणपत्र" and "mere praman patra" alike. */
    private static String joined(String text) {
        return String.join("", SearchText.latinWords(text));
    }

    /** Every word of every command, for the help text and tests. */
    static List<String> words(Command command) {
        return List.copyOf(WORDS.get(command));
    }
}
