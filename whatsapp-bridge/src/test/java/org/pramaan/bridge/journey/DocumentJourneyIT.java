package org.pramaan.bridge.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.bridge.journey.CitizenPhone.bodyText;
import static org.pramaan.bridge.journey.CitizenPhone.choices;
import static org.pramaan.bridge.journey.CitizenPhone.isButtons;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 4 across real processes: a citizen applies on WhatsApp for a caste certificate, whose catalog entry
 * asks for a parent's caste certificate (required) and a school study certificate (optional); the photo goes from the
 * Graph API through the bridge to issuer-service's object store with the application, and the department's officer
 * reads it back byte for byte, while an application lacking it cannot be approved.
 */
class DocumentJourneyIT {

    private static final String SERVICE = "REV-CASTE";
    private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{2,5}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\\b");

    @TempDir
    Path home;

    @Test
    void aPhotoSentInTheChatIsStoredWithTheApplicationAndTheOfficerOpensIt() throws Exception {
        Platform.run(home, "documents", Map.of(), DocumentJourneyIT::run);
    }

    private static void run(Platform platform) {
        String issuer = platform.issuer.baseUrl();
        String phone = "9197" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
        CitizenPhone citizen = new CitizenPhone(phone, platform.bridge.baseUrl(),
                platform.secrets.get("WHATSAPP_APP_SECRET"), platform.phoneNumberId, platform.graph);
        JsonNode service = JsonHttp.get(issuer + "/api/v1/catalog", 200).path("departments").valueStream()
                .flatMap(d -> d.path("services").valueStream())
                .filter(s -> SERVICE.equals(s.path("code").asString(""))).findFirst().orElseThrow();

        citizen.say("hi");
        JsonNode languages = citizen.next();
        citizen.tap("lang:en", isButtons(languages));
        citizen.next();
        citizen.next();
        citizen.tap("start:" + SERVICE, false);
        List<JsonNode> fields = service.path("certificate").path("fields").valueStream().toList();
        for (JsonNode field : fields) {
            String example = field.path("example").asString();
            JsonNode question = citizen.next();
            assertThat(bodyText(question)).contains(field.path("labels").path("en").asString());
            if ("enum".equals(field.path("type").asString())) {
                citizen.tap("opt:" + example, isButtons(question));
            } else {
                citizen.say(example);
            }
        }
        JsonNode ask = citizen.next();
        assertThat(bodyText(ask)).as("the required document is asked for after the fields")
                .contains("Document 1 of 2", "Caste certificate of a parent or sibling");
        byte[] photo = new byte[40_000];
        ThreadLocalRandom.current().nextBytes(photo);
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        citizen.sendPhoto(photo);
        assertThat(bodyText(citizen.next())).contains("Received");
        JsonNode optional = citizen.next();
        assertThat(choices(optional)).containsExactly("doc:skip");
        citizen.tap("doc:skip", true);
        assertThat(bodyText(citizen.next())).contains("Skipped");
        JsonNode summary = citizen.next();
        assertThat(bodyText(summary)).contains("Caste certificate of a parent or sibling: photo");
        citizen.tap("form:submit", true);
        String submitted = bodyText(citizen.next());
        Matcher number = REFERENCE.matcher(submitted);
        assertThat(number.find()).as("submitted, with the application number: " + submitted).isTrue();

        Map<String, String> devEnv = platform.devEnv();
        JsonNode token = JsonHttp.post(issuer + "/api/v1/auth/token", "", 200, "Authorization",
                JsonHttp.basic(devEnv.get("ISSUER_OFFICER_REV_USER"), devEnv.get("ISSUER_OFFICER_REV_PASSWORD")));
        String officer = "Bearer " + token.path("access_token").asString();
        JsonNode application = JsonHttp.get(issuer + "/api/v1/applications/" + number.group(), 200,
                "Authorization", officer);
        JsonNode documents = application.path("documents");
        assertThat(documents.size()).as("the application's documents: " + application).isEqualTo(1);
        assertThat(documents.get(0).path("document").asString()).isEqualTo("caste");
        assertThat(documents.get(0).path("mimeType").asString()).isEqualTo("image/jpeg");
        assertThat(documents.get(0).path("size").asLong()).isEqualTo(photo.length);
        assertThat(application.path("missingDocuments").size()).isZero();
        byte[] stored = JsonHttp.getBytes(issuer + "/api/v1/applications/" + number.group() + "/documents/caste",
                "Authorization", officer);
        assertThat(stored).as("the officer reads the citizen's photo byte for byte").isEqualTo(photo);

        // Submitted without the document (as a department system may), it cannot be approved.
        JsonNode bare = JsonHttp.post(issuer + "/api/v1/applications", Map.of("serviceCode", SERVICE,
                "language", "en", "phoneNumber", phone, "fields", Map.of("nm", "Kondapalli Ramesh",
                        "fn", "Kondapalli Venkata Rao", "ct", "BC-D", "cs", "Yadava", "vl", "Penamaluru",
                        "md", "Penamaluru", "ds", "Krishna", "ah", "2341 2341 2346")), 201,
                "Authorization", JsonHttp.basic(platform.secrets.get("ISSUER_BRIDGE_CLIENT_ID"),
                        platform.secrets.get("ISSUER_BRIDGE_CLIENT_SECRET")));
        JsonNode refused = JsonHttp.post(issuer + "/api/v1/applications/" + bare.path("id").asString() + "/approve",
                "", 409, "Authorization", officer);
        assertThat(refused.path("code").asString()).isEqualTo("documents-missing");
        assertThat(platform.graph.refusals()).as("Graph API calls refused by the stand-in").isEmpty();
    }
}
