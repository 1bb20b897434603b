package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.StandInIssuer;
import tools.jackson.databind.JsonNode;

/**
 * What citizens hit in the chat (issue 13, items 2, 4 and 5), through the webhook, the Graph API emulator and the
 * stand-in issuer: the menu's words before any search, English in Telugu letters, whole names in list rows, changing
 * one answer from the summary, dates day first, and the application's short reference.
 */
class ChatJourneysTest extends BridgeIntegrationTest {

    private int start(String phone, String language) {
        say(phone, "hi");
        tap(phone, "lang:" + language);
        return awaitMessages(phone, 3).size();
    }

    @Test
    void theMenusOwnWordsAreCommandsNotSearchesInEveryLanguage() {
        String te = newPhone();
        int seen = start(te, "te");
        say(te, "నా ధృవీకరణ పత్రాలు");
        assertThat(bodyText(next(te, seen++))).isEqualTo("మీకు ఇంకా ధృవీకరణ పత్రాలు లేవు.");
        say(te, "దరఖాస్తు స్థితి");
        assertThat(bodyText(next(te, seen))).contains("దరఖాస్తులు");

        String hi = newPhone();
        seen = start(hi, "hi");
        say(hi, "मेरे प्रमाणपत्र");
        assertThat(bodyText(next(hi, seen++))).isEqualTo("आपके पास अभी कोई प्रमाण पत्र नहीं है।");
        say(hi, "प्रमाण पत्र जाँचें");
        assertThat(bodyText(next(hi, seen))).startsWith("प्रमाण पत्र के QR कोड की फ़ोटो");

        String en = newPhone();
        seen = start(en, "en");
        say(en, "My certficates");
        assertThat(bodyText(next(en, seen))).contains("no certificates");
    }

    @Test
    void englishWrittenInTeluguOrDevanagariLettersFindsTheService() {
        String te = newPhone();
        int seen = start(te, "te");
        say(te, "ఇన్‌కమ్ సర్టిఫికెట్"); // with the zero-width non-joiner Telugu keyboards type
        assertThat(firstService(next(te, seen++))).isEqualTo("REV-INCOME");
        say(te, "క్యాస్ట్ సర్టిఫికెట్");
        assertThat(firstService(next(te, seen))).isEqualTo("REV-CASTE");

        String hi = newPhone();
        seen = start(hi, "hi");
        say(hi, "कास्ट सर्टिफिकेट चाहिए");
        assertThat(firstService(next(hi, seen))).isEqualTo("REV-CASTE");
    }

    @Test
    void offeredServicesCarryTheirWholeNamesWhenTheTitleIsCut() {
        String en = newPhone();
        int seen = start(en, "en");
        say(en, "certificate");
        JsonNode offer = next(en, seen);
        List<JsonNode> rows = rows(offer);
        assertThat(rows).hasSize(3);
        for (JsonNode row : rows) {
            String title = row.path("title").asString();
            String description = row.path("description").asString();
            assertThat(title.length()).isLessThanOrEqualTo(24);
            if (title.endsWith("…")) {
                assertThat(description).startsWith(title.substring(0, title.length() - 1)).doesNotStartWith(title);
            }
        }
    }

    @Test
    void theSummaryLetsTheCitizenChangeOneAnswerAndComesBackToIt() {
        String phone = newPhone();
        int seen = start(phone, "en");
        tap(phone, "start:REV-INCOME");
        seen++;
        say(phone, "Kondapalli Ramesh");
        seen++;
        say(phone, "96000");
        seen++;
        say(phone, "2341 2341 2346");
        seen++;
        tap(phone, "opt:URBAN");
        JsonNode summary = next(phone, seen++);
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");

        tap(phone, "form:edit");
        JsonNode fields = next(phone, seen++);
        assertThat(choices(fields)).containsExactly("form:edit:0", "form:edit:1", "form:edit:2", "form:edit:3");
        assertThat(rows(fields).get(1).path("description").asString()).isEqualTo("96000");
        assertThat(rows(fields).get(2).path("description").asString()).isEqualTo("XXXX XXXX 2346");

        tap(phone, "form:edit:1");
        assertThat(bodyText(next(phone, seen++))).contains("Question 2 of 4", "Annual income");
        say(phone, "1,20,000");
        JsonNode again = next(phone, seen++);
        assertThat(bodyText(again)).contains("Kondapalli Ramesh", "120000", "XXXX XXXX 2346", "Urban")
                .doesNotContain("96000");
        assertThat(choices(again)).containsExactly("form:submit", "form:edit", "form:cancel");

        tap(phone, "form:edit");
        seen++;
        tap(phone, "form:edit:0");
        seen++;
        say(phone, "back"); // changing one answer, "back" is the summary again, unchanged
        assertThat(bodyText(next(phone, seen++))).contains("Kondapalli Ramesh", "120000");

        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen))).contains("submitted");
        JsonNode submission = submissionOf(phone);
        assertThat(submission.path("fields").path("ai").asString()).isEqualTo("120000");
        assertThat(submission.path("fields").path("nm").asString()).isEqualTo("Kondapalli Ramesh");
    }

    @Test
    void datesAreAskedShownAndAnsweredDayFirst() {
        String phone = newPhone();
        int seen = start(phone, "en");
        tap(phone, "start:REV-LOCAL");
        seen++;
        say(phone, "Kondapalli Ramesh");
        assertThat(bodyText(next(phone, seen++))).contains("Question 2 of 2", "01-06-2010").doesNotContain("2010-06-01");
        say(phone, "15/08/2035");
        assertThat(bodyText(next(phone, seen++))).contains("future");
        seen++;
        say(phone, "౧౫-౦౮-౨౦౦౧"); // day first, in Telugu digits
        JsonNode summary = next(phone, seen++);
        assertThat(bodyText(summary)).contains("15-08-2001").doesNotContain("2001-08-15");

        tap(phone, "form:submit");
        String done = bodyText(next(phone, seen));
        assertThat(done).contains("05-12-2026").doesNotContain("2026-12-05"); // the issuer's due date, day first
        assertThat(submissionOf(phone).path("fields").path("ds").asString()).isEqualTo("2001-08-15");
    }

    @Test
    void theApplicationNumberIsTheIssuersShortReferenceWhenItGivesOne() {
        String phone = newPhone();
        ISSUER.referencedPhones.add(phone);
        int seen = start(phone, "te");
        tap(phone, "start:REV-CASTE");
        seen++;
        say(phone, "కొండపల్లి రమేష్");
        seen++;
        tap(phone, "form:submit");
        String done = bodyText(next(phone, seen++));
        String id = submissionOf(phone).path("id").asString();
        assertThat(done).contains(StandInIssuer.REFERENCE).doesNotContain(id);
        say(phone, "స్థితి");
        assertThat(bodyText(next(phone, seen))).contains(StandInIssuer.REFERENCE).doesNotContain(id);
    }

    @Test
    void withoutAReferenceTheApplicationIdIsShownAsBefore() {
        String phone = newPhone();
        int seen = start(phone, "en");
        tap(phone, "start:REV-CASTE");
        seen++;
        say(phone, "Kondapalli Ramesh");
        seen++;
        tap(phone, "form:submit");
        String done = bodyText(next(phone, seen++));
        assertThat(done).contains(submissionOf(phone).path("id").asString());
    }

    private JsonNode submissionOf(String phone) {
        await().atMost(Duration.ofSeconds(5)).until(() -> ISSUER.submissions.stream()
                .anyMatch(s -> s.path("phoneNumber").asString("").equals(phone)));
        return ISSUER.submissions.stream().filter(s -> s.path("phoneNumber").asString("").equals(phone))
                .findFirst().orElseThrow();
    }

    /** The service a search answer leads to: straight to its introduction, or the first row offered. */
    private static String firstService(JsonNode answer) {
        List<String> choices = choices(answer);
        assertThat(choices).isNotEmpty();
        String first = choices.get(0);
        return first.substring(first.indexOf(':') + 1);
    }

    private static List<JsonNode> rows(JsonNode list) {
        return list.path("interactive").path("action").path("sections").valueStream()
                .flatMap(s -> s.path("rows").valueStream()).toList();
    }
}
