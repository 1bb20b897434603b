package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.validation.FieldValidator;
import org.pramaan.catalog.validation.FieldVerdict;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridge checks each answer in the chat before it submits; the issuer's API checks the submission. On a generated
 * set of forms, answered rightly and wrongly in the ways citizens do, the two agree: a form the bridge's pre-check
 * passes is accepted (with the values the bridge stores), and one it refuses is refused with the same fields and
 * codes. The pre-check here is what the bridge runs: the catalog module's validator over the form as read from
 * {@code GET /api/v1/catalog}'s JSON.
 */
class BridgeAgreementTest extends IntegrationTest {

    private static final String SERVICE = "REV-INCOME";
    private static final int FORMS = 40;

    @Test
    void theBridgesPreCheckAndTheApisVerdictAgreeOnGeneratedForms() {
        List<FormField> form = formAsTheBridgeReadsIt(ApiClient.anonymous(port).get("/api/v1/catalog").json());
        assertThat(form).isNotEmpty();
        FieldValidator preCheck = new FieldValidator();
        Random random = new Random(15);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < FORMS; i++) {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
            Map<String, String> typed = new LinkedHashMap<>();
            form.forEach(f -> typed.put(f.key(), answer(f, random)));
            Map<String, String> refusals = new TreeMap<>();
            Map<String, String> stored = new LinkedHashMap<>();
            for (FormField f : form) {
                FieldVerdict verdict = preCheck.check(f, typed.get(f.key()), today);
                if (!verdict.valid()) {
                    refusals.put(f.key(), verdict.refusal().name());
                } else if (!verdict.empty()) {
                    stored.put(f.key(), verdict.value());
                }
            }
            // The bridge submits what it stored; a refused form is sent as typed to see the API refuse it too.
            Answer answer = bridge().post("/api/v1/applications", Map.of("serviceCode", SERVICE, "language", "en",
                    "phoneNumber", "9876543210", "fields", refusals.isEmpty() ? stored : typed,
                    "channelReference", "agreement-" + i + "-" + UUID.randomUUID()));
            if (refusals.isEmpty()) {
                assertThat(answer.status()).as("form %s was passed by the bridge: %s", typed, answer.body())
                        .isEqualTo(201);
                accepted++;
            } else {
                assertThat(answer.status()).as("form %s was refused by the bridge", typed).isEqualTo(422);
                assertThat(codes(answer.json())).as("for %s", typed).isEqualTo(refusals);
                refused++;
            }
        }
        assertThat(accepted).as("the set holds accepted forms").isPositive();
        assertThat(refused).as("and refused ones").isPositive();
    }

    /** The form's fields read from the catalog's JSON into the shared model, as the bridge's client does. */
    private static List<FormField> formAsTheBridgeReadsIt(JsonNode catalog) {
        JsonMapper json = JsonMapper.builder().build();
        List<FormField> fields = new ArrayList<>();
        for (JsonNode department : catalog.get("departments")) {
            for (JsonNode service : department.get("services")) {
                if (SERVICE.equals(service.get("code").asString())) {
                    service.get("certificate").get("fields").forEach(f -> fields.add(json.treeToValue(f, FormField.class)));
                }
            }
        }
        return fields;
    }

    /** The refused fields' codes: {@code errors} as {@code [{"field","code",...}]}. */
    private static Map<String, String> codes(JsonNode body) {
        Map<String, String> codes = new TreeMap<>();
        body.get("errors").forEach(e -> codes.put(e.get("field").asString(), e.get("code").asString()));
        return codes;
    }

    /** Three answers in four are right (in any of the ways people write them), the rest wrong in a typical way. */
    private static String answer(FormField field, Random random) {
        boolean right = random.nextInt(4) > 0;
        List<String> choices = switch (field.type()) {
            case NAME -> right ? List.of("Kondapalli Ramesh", "కొండపల్లి రమేశ్", "O'Brien-Rao", "सीता देवी")
                    : List.of("-Ramesh", "R2D2", "<b>Ramesh</b>", "Ra\u202Emesh", "R");
            case TEXT, VILLAGE, DISTRICT -> right ? List.of("Penamaluru", "H.No. 4-12/3A, Main Rd", "పెనమలూరు")
                    : List.of("<script>x</script>", "Pena\u2066maluru", "x");
            case MONEY -> right ? List.of("96,000", "₹ 1200", "౯౬౦౦౦", "120000.50") : List.of("-5", "ninety", "12.345");
            case NUMBER -> right ? List.of("42", "1,250", "४२") : List.of("forty", "1.234");
            case AADHAAR -> right ? List.of("2341 2341 2346", "౨౩౪౧ ౨౩౪౧ ౨౩౪౬", "234123412346")
                    : List.of("2341 2341 2345", "1341 2341 2346", "2341");
            case PIN -> right ? List.of("520001", "500 001", "५२२००१") : List.of("020001", "52000");
            case DATE -> right ? List.of("1990-08-15", "1990/08/15", "२००१-०८-१५")
                    : List.of("1850-01-01", "15-08-2001", "2001-02-30");
            case YEAR -> right ? List.of("2024", "౨౦౨౪") : List.of("24", "1899");
            case PHONE -> right ? List.of("+91 98765 43210", "9876543210") : List.of("5876543210", "98765");
            case ENUM -> right ? field.validation().options().stream().map(FieldRules.EnumOption::value).toList()
                    : List.of("NO-SUCH-OPTION");
        };
        return choices.get(random.nextInt(choices.size()));
    }
}
