package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import tools.jackson.databind.JsonNode;

/** A citizen applies for an income certificate in Telugu, start to finish, through the webhook. */
class ApplyConversationTest extends BridgeIntegrationTest {

    @Test
    void firstContactAsksForTheLanguageThenShowsTheMenuInIt() {
        String phone = newPhone();
        say(phone, "Hi");
        JsonNode language = next(phone, 0);
        assertThat(choices(language)).containsExactly("lang:te", "lang:en", "lang:hi");

        tap(phone, "lang:te");
        assertThat(bodyText(next(phone, 1))).contains("తెలుగు");
        JsonNode menu = next(phone, 2);
        assertThat(menu.path("interactive").path("type").asString()).isEqualTo("list");
        assertThat(choices(menu)).contains("menu:apply", "menu:track", "menu:certs", "menu:verify", "menu:help");
        assertThat(bodyText(menu)).contains("సహాయం");
    }

    @Test
    void appliesForAnIncomeCertificateFieldByFieldAndSubmitsToTheIssuer() {
        String phone = newPhone();
        say(phone, "hello");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();

        tap(phone, "menu:apply");
        JsonNode departments = next(phone, seen++);
        assertThat(choices(departments)).containsExactly("dept:REV", "dept:MAUD");

        tap(phone, "dept:REV");
        JsonNode services = next(phone, seen++);
        // 13 services: a page of 9 and a "More" row, never more than 10 rows
        assertThat(choices(services)).hasSize(10).contains("svc:REV-INCOME").last().isEqualTo("svcs:REV:1");

        tap(phone, "svcs:REV:1");
        assertThat(choices(next(phone, seen++))).hasSize(4).doesNotContain("svc:REV-INCOME");

        tap(phone, "svc:REV-INCOME");
        JsonNode intro = next(phone, seen++);
        assertThat(bodyText(intro)).contains("Income Certificate", "Ration card or Aadhaar");
        assertThat(choices(intro)).containsExactly("start:REV-INCOME", "menu");

        tap(phone, "start:REV-INCOME");
        assertThat(bodyText(next(phone, seen++))).contains("Question 1 of 4", "Applicant name", "Kondapalli Ramesh");
        say(phone, "Kondapalli Ramesh");
        assertThat(bodyText(next(phone, seen++))).contains("Question 2 of 4", "Annual income");

        say(phone, "ninety thousand");
        assertThat(bodyText(next(phone, seen++))).contains("must be a number");
        assertThat(bodyText(next(phone, seen++))).contains("Question 2 of 4");
        say(phone, "back");
        assertThat(bodyText(next(phone, seen++))).contains("Question 1 of 4");
        say(phone, "Kondapalli Ramesh Babu");
        seen++;
        say(phone, "96,000");
        assertThat(bodyText(next(phone, seen++))).contains("Question 3 of 4", "Aadhaar");
        say(phone, "2341 2341 2345");
        assertThat(bodyText(next(phone, seen++))).contains("check digit").doesNotContain("12 digits");
        seen++;
        say(phone, "2341 2341 234");
        assertThat(bodyText(next(phone, seen++))).contains("exactly 12 digits");
        seen++;
        say(phone, "2341 2341 2346");
        JsonNode area = next(phone, seen++);
        assertThat(choices(area)).containsExactly("opt:RURAL", "opt:URBAN");
        tap(phone, "opt:URBAN");
        JsonNode summary = next(phone, seen++);
        assertThat(bodyText(summary)).contains("Kondapalli Ramesh Babu", "96000", "XXXX XXXX 2346", "Urban")
                .doesNotContain("234123412346");
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");

        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen))).contains("submitted", "Application number");
        await().atMost(Duration.ofSeconds(5)).until(() -> ISSUER.submissions.stream()
                .anyMatch(s -> s.path("phoneNumber").asString("").equals(phone)));
        JsonNode submission = ISSUER.submissions.stream()
                .filter(s -> s.path("phoneNumber").asString("").equals(phone)).findFirst().orElseThrow();
        assertThat(submission.path("serviceCode").asString()).isEqualTo("REV-INCOME");
        assertThat(submission.path("language").asString()).isEqualTo("en");
        assertThat(submission.path("fields").path("nm").asString()).isEqualTo("Kondapalli Ramesh Babu");
        assertThat(submission.path("fields").path("ai").asString()).isEqualTo("96000");
        assertThat(submission.path("fields").path("ah").asString()).isEqualTo("234123412346");
        assertThat(submission.path("fields").path("ct").asString()).isEqualTo("URBAN");
    }

    @Test
    void cancelStopsTheFormAndNothingIsSubmitted() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:hi");
        int seen = awaitMessages(phone, 3).size();
        tap(phone, "start:REV-INCOME");
        assertThat(bodyText(next(phone, seen++))).contains("आवेदक का नाम");
        say(phone, "रद्द");
        assertThat(bodyText(next(phone, seen++))).contains("रद्द");
        assertThat(ISSUER.submissions).noneMatch(s -> s.path("phoneNumber").asString("").equals(phone));
    }

    @Test
    void freeTextInAnyLanguageFindsTheIncomeCertificate() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:te");
        int seen = awaitMessages(phone, 3).size();
        say(phone, "aadaya patram");
        JsonNode found = next(phone, seen);
        assertThat(choices(found)).contains("start:REV-INCOME");
        assertThat(bodyText(found)).contains("ఆదాయ ధృవీకరణ పత్రం");
    }

    @Test
    void unsupportedTypesGetAPoliteReplyInTheCitizensLanguage() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:te");
        int seen = awaitMessages(phone, 3).size();
        send(phone, org.pramaan.bridge.simulator.WebhookPayloads.message(phone, null, wamid(), java.time.Instant.now(),
                "sticker"));
        assertThat(bodyText(next(phone, seen++))).contains("క్షమించండి");
        var location = org.pramaan.bridge.simulator.WebhookPayloads.message(phone, null, wamid(),
                java.time.Instant.now(), "location");
        location.putObject("location").put("latitude", 16.5).put("longitude", 80.6);
        send(phone, location);
        assertThat(bodyText(next(phone, seen++))).contains("క్షమించండి");
        var voice = org.pramaan.bridge.simulator.WebhookPayloads.media(phone, wamid(), java.time.Instant.now(), "audio",
                "123", "audio/ogg; codecs=opus", null);
        ((tools.jackson.databind.node.ObjectNode) voice.path("audio")).put("voice", true);
        send(phone, voice);
        assertThat(bodyText(next(phone, seen))).contains("వాయిస్");
    }
}
