package org.pramaan.bridge.citizen;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A person writing to the number. Keyed on the phone number when WhatsApp gives one, otherwise on the
 * business-scoped user id.
 */
public record Citizen(String id, String phone, String userId, String displayName, Language language,
        Instant lastInboundAt) {

    /** WhatsApp's customer-service window: free-form messages only within 24 hours of the citizen's last one. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);

    public Optional<Language> chosenLanguage() {
        return Optional.ofNullable(language);
    }

    public Language languageOrDefault() {
        return language == null ? Language.EN : language;
    }

    /** Where Graph API messages go: the phone number, else the user id (inferred from Meta's BSUID rollout). */
    public String recipient() {
        return phone != null ? phone : userId;
    }

    public boolean windowOpen(Instant now) {
        return lastInboundAt != null && lastInboundAt.plus(SERVICE_WINDOW).isAfter(now);
    }
}
