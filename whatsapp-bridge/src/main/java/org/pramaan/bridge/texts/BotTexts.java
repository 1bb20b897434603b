package org.pramaan.bridge.texts;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.pramaan.bridge.citizen.Language;
import org.springframework.stereotype.Component;

/** Every text the bot sends, from the bundles messages/bot_{te,en,hi}.properties (UTF-8). */
@Component
public class BotTexts {

    public static final String BUNDLE = "messages.bot";

    public String get(Language language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, language.locale())
                .format(args);
    }

    public static ResourceBundle bundle(Language language) {
        // No fallback to another language: a missing key must fail loudly (BotTextsTest checks them all).
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
