package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Issue 13 items 3, 5 and 8 through the API: short references, rejection reason codes, phone search. */
@ExtendWith(OutputCaptureExtension.class)
class ReferenceAndReasonApiTest extends IntegrationTest {

    private static final String REFERENCE = "REV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    /** A new application from a phone number no other test uses; its JSON. */
    private JsonNode submit(String phone) {
        Answer a = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", phone, "fields", ApplicationFlowTest.INCOME));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    static String freshPhone() {
        return "9" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    @Test
    void anApplicationHasAShortReferenceThatFindsItAsTheIdDoes() {
        JsonNode submitted = submit(freshPhone());
        String id = submitted.get("id").asString();
        String reference = submitted.get("reference").asString();
        assertThat(reference).matches(REFERENCE);

        assertThat(officer("REV").get("/api/v1/applications/" + id).json().get("reference").asString()).isEqualTo(reference);
        Answer byReference = officer("REV").get("/api/v1/applications/" + reference);
        assertThat(byReference.status()).as(byReference.body()).isEqualTo(200);
        assertThat(byReference.json().get("id").asString()).isEqualTo(id);
        String typed = reference.toLowerCase().replace("-", "%20");
        assertThat(officer("REV").get("/api/v1/applications/" + typed).json().get("id").asString()).isEqualTo(id);

        // One character wrong: the check character says so, rather than "not found".
        char last = reference.charAt(reference.length() - 1);
        String mistyped = reference.substring(0, reference.length() - 1) + (last == '0' ? '1' : '0');
        Answer wrong = officer("REV").get("/api/v1/applications/" + mistyped);
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().get("code").asString()).isEqualTo("invalid-argument");
        assertThat(wrong.json().get("detail").asString()).contains("check character");
        assertThat(officer("REV").get("/api/v1/applications/REV-0000-0000-0").status()).isEqualTo(404);
        assertThat(officer("MAUD").get("/api/v1/applications/" + reference).status())
                .as("another department's officer does not see it").isEqualTo(404);

        Answer approved = officer("REV").post("/api/v1/applications/" + reference + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ISSUED");
        String certificateId = approved.json().get("certificateId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(certificateId).stream()
                .anyMatch(r -> r.body().contains("\"ISSUED\"")));
        assertThat(BRIDGE.accepted(certificateId)).anySatisfy(r ->
                assertThat(r.body()).contains("\"reference\": \"" + reference + "\""));
    }

    @Test
    void aRejectionCarriesItsCodeAndNoteToTheRecordAndTheCitizen() {
        String phone = freshPhone();
        JsonNode submitted = submit(phone);
        String id = submitted.get("id").asString();

        Answer unknown = officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reasonCode", "NOT_LIKED", "note", "x"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("code").asString()).isEqualTo("invalid-argument");
        assertThat(unknown.json().get("detail").asString()).contains("DOCUMENTS_MISSING");
        Answer otherWithoutNote = officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reasonCode", "OTHER"));
        assertThat(otherWithoutNote.status()).as(otherWithoutNote.body()).isEqualTo(400);
        assertThat(officer("REV").get("/api/v1/applications/" + id).json().get("status").asString())
                .as("a refused rejection changes nothing").isEqualTo("SUBMITTED");

        Answer rejected = officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reasonCode", "documents_missing", "note", "Please attach the income proof"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        JsonNode a = rejected.json();
        assertThat(a.get("status").asString()).isEqualTo("REJECTED");
        assertThat(a.get("rejectionCode").asString()).isEqualTo("DOCUMENTS_MISSING");
        assertThat(a.get("rejectionReason").asString()).isEqualTo("Please attach the income proof");
        JsonNode last = a.get("transitions").get(a.get("transitions").size() - 1);
        assertThat(last.get("reasonCode").asString()).isEqualTo("DOCUMENTS_MISSING");
        assertThat(last.get("actor").asString()).isEqualTo("officer:rev-officer");

        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"REJECTED\"")));
        assertThat(BRIDGE.accepted(id)).anySatisfy(r -> assertThat(r.body())
                .contains("\"reasonCode\": \"DOCUMENTS_MISSING\"")
                .contains("\"reason\": \"Please attach the income proof\"")
                .contains("\"reference\": \"" + submitted.get("reference").asString() + "\""));

        // The bridge's list for the citizen names the code, which it words in the citizen's language.
        JsonNode mine = bridge().get("/api/v1/applications?phoneNumber=" + phone).json().get("applications").get(0);
        assertThat(mine.get("rejectionCode").asString()).isEqualTo("DOCUMENTS_MISSING");
        assertThat(mine.get("reference").asString()).isEqualTo(submitted.get("reference").asString());
    }

    @Test
    void theOlderRejectionWithAReasonOnlyStillWorksAsOther() {
        String id = submit(freshPhone()).get("id").asString();
        Answer rejected = officer("REV").post("/api/v1/applications/" + id + "/reject", Map.of("reason", "Duplicate"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("rejectionCode").asString()).isEqualTo("OTHER");
        assertThat(rejected.json().get("rejectionReason").asString()).isEqualTo("Duplicate");
    }

    @Test
    void officersFindAnApplicationByPhoneNumberWholeOrItsLastDigitsWithoutLoggingIt(CapturedOutput output) {
        String phone = freshPhone();
        JsonNode submitted = submit(phone);
        String id = submitted.get("id").asString();
        JsonNode other = submit(freshPhone());

        for (String q : List.of(phone, "+91 " + phone.substring(0, 5) + " " + phone.substring(5), "0" + phone,
                phone.substring(6), phone.substring(3))) {
            Answer found = officer("REV").get("/api/v1/applications?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            List<String> ids = found.json().valueStream().map(n -> n.get("id").asString()).toList();
            assertThat(ids).as("searching %s", q.length()).contains(id).doesNotContain(other.get("id").asString());
        }
        Answer byReference = officer("REV").get("/api/v1/applications?q="
                + URLEncoder.encode(submitted.get("reference").asString().toLowerCase(), StandardCharsets.UTF_8));
        assertThat(byReference.json().valueStream().map(n -> n.get("id").asString()).toList()).containsExactly(id);
        Answer nameLikeAReference = officer("REV").get("/api/v1/applications?q=Sri%20Venkatesh");
        assertThat(nameLikeAReference.status()).as("a name shaped like a reference is searched as a name")
                .isEqualTo(200);
        Answer elsewhere = officer("MAUD").get("/api/v1/applications?q=" + phone);
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(200);
        assertThat(elsewhere.json().size()).as("another department sees none").isZero();
        assertThat(output.getAll()).doesNotContain(phone).doesNotContain(phone.substring(3));
    }

    @Test
    void theSuffixSearchAndTheReferenceUseTheirIndexes() {
        for (String[] query : List.of(
                new String[] {"SELECT id FROM issuer.application WHERE reverse(phone_number) LIKE '0123%'",
                        "application_phone_suffix"},
                new String[] {"SELECT id FROM issuer.application WHERE reference = 'REV-0000-0000-0'",
                        "application_reference"})) {
            String plan = transactions.execute(s -> {
                // With too few rows to matter the planner would scan; forbid it to see that the index serves.
                jdbc.sql("SET LOCAL enable_seqscan = off").update();
                return String.join("\n", jdbc.sql("EXPLAIN " + query[0]).query(String.class).list());
            });
            assertThat(plan).contains(query[1]).doesNotContain("Seq Scan");
        }
    }
}
