package org.pramaan.bridge.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as a citizen reads them, one format everywhere in the chat: DD-MM-YYYY (issue 13, item 5). An instant is
 * shown as the date in India, where the citizen is, not in UTC: an application made at 01:00 IST is made that day.
 */
public final class CitizenDates {

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private CitizenDates() {
    }

    /** An ISO date ("2026-12-03"), offset date-time or instant as DD-MM-YYYY; "-" for none; unreadable text as is. */
    public static String show(String iso) {
        if (iso == null || iso.isBlank()) {
            return "-";
        }
        String s = iso.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).format(SHOWN);
            }
            return OffsetDateTime.parse(s).atZoneSameInstant(INDIA).format(SHOWN);
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s).atZone(INDIA).format(SHOWN);
            } catch (DateTimeParseException again) {
                return s;
            }
        }
    }
}
