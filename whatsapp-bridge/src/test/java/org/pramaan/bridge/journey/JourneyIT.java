package org.pramaan.bridge.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.pramaan.bridge.journey.CitizenPhone.bodyText;
import static org.pramaan.bridge.journey.CitizenPhone.choices;
import static org.pramaan.bridge.journey.CitizenPhone.isButtons;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7's journey across real processes on the Fabric path (fabric-gateway, development peer, chaincode service): a citizen applies in Telugu over the WhatsApp webhook, an
 * officer approves, the anchored certificate arrives as a PDF, its printed QR verifies (also from a photo), a forged
 * copy does not, and a revocation reaches the verifier within 3 seconds and the citizen by WhatsApp.
 *
 * <p>Needs the three services' packaged jars (the reactor's {@code verify} packages them before this module's
 * integration tests). Each service's output goes to {@code target/journey/journey/<service>.log}; a failure shows the tails.
 */
class JourneyIT {

    private static final String SERVICE = "REV-INCOME";
    /** The short reference a citizen can read out (issue 13): department, 8 characters, a check character. */
    private static final Pattern REFERENCE_PATTERN = Pattern.compile("\\b[A-Z]{2,5}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]\\b");

    @TempDir
    Path home;

    @Test
    void aCitizenAppliesOnWhatsAppAndTheCertificateVerifiesUntilItIsRevoked() throws Exception {
        Platform.run(home, "journey", Map.of(), platform -> new Journey(platform).run());
    }

    /** The steps, sharing what each learns (application id, certificate id, the PDF) with the next. */
    private static final class Journey {

        private final Platform platform;
        private final String issuer;
        private final String verifier;
        private final CitizenPhone citizen;
        private final Map<String, String> answers = new java.util.LinkedHashMap<>();
        private JsonNode form;
        private String department;
        private String officer;
        private String applicationId;
        private String certificateId;
        private JsonNode issued;
        private byte[] pdf;
        private String qrText;

        Journey(Platform platform) {
            this.platform = platform;
            this.issuer = platform.issuer.baseUrl();
            this.verifier = platform.verifier.baseUrl();
            String phone = "9198" + ThreadLocalRandom.current().nextLong(10_000_000L, 100_000_000L);
            this.citizen = new CitizenPhone(phone, platform.bridge.baseUrl(),
                    platform.secrets.get("WHATSAPP_APP_SECRET"), platform.phoneNumberId, platform.graph);
        }

        void run() throws Exception {
            appliesInTeluguOverWhatsApp();
            officerApproves();
            certificateIsAnchoredAndDelivered();
            printedQrVerifiesAndTheLedgerHoldsNoPersonalData();
            theDeliveredPdfVerifiesWithItsDepartmentSignature();
            // Step 6 runs before step 5: a photo of a revoked certificate would (rightly) say REVOKED.
            photoOfThePrintVerifiesAndAForgeryDoesNot();
            revocationReachesVerifierAndCitizen();
            assertThat(platform.graph.refusals()).as("Graph API calls refused by the stand-in").isEmpty();
        }

        /** Step 1: "hi", Telugu, free text for the income certificate, every field of the form, confirm. */
        private void appliesInTeluguOverWhatsApp() {
            JsonNode catalog = JsonHttp.get(issuer + "/api/v1/catalog", 200);
            JsonNode owner = catalog.path("departments").valueStream()
                    .filter(d -> d.path("services").valueStream()
                            .anyMatch(s -> SERVICE.equals(s.path("code").asString(""))))
                    .findFirst().orElseThrow(() -> new AssertionError("the issuer's catalog has no " + SERVICE));
            department = owner.path("code").asString();
            form = owner.path("services").valueStream().filter(s -> SERVICE.equals(s.path("code").asString("")))
                    .findFirst().orElseThrow();
            String serviceName = form.path("names").path("te").asString();

            citizen.say("hi");
            JsonNode languages = citizen.next();
            assertThat(choices(languages)).as("step 1: the first answer asks for the language")
                    .containsExactly("lang:te", "lang:en", "lang:hi");
            citizen.tap("lang:te", isButtons(languages));
            assertThat(bodyText(citizen.next())).as("step 1: language saved").contains("తెలుగు");
            JsonNode menu = citizen.next();
            assertThat(choices(menu)).as("step 1: the main menu").contains("menu:apply");
            assertThat(bodyText(menu)).as("step 1: the menu speaks Telugu").contains("ఎంపిక");

            citizen.say("ఆదాయ ధృవీకరణ పత్రం");
            JsonNode found = citizen.next();
            if (!choices(found).contains("start:" + SERVICE)) {
                assertThat(choices(found)).as("step 1: free text finds the income certificate")
                        .contains("svc:" + SERVICE);
                citizen.tap("svc:" + SERVICE, isButtons(found));
                found = citizen.next();
            }
            assertThat(bodyText(found)).as("step 1: the service's introduction").contains(serviceName);
            assertThat(choices(found)).contains("start:" + SERVICE);
            citizen.tap("start:" + SERVICE, isButtons(found));

            List<JsonNode> fields = form.path("certificate").path("fields").valueStream().toList();
            assertThat(fields).as("step 1: the catalog's form").isNotEmpty();
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                String key = field.path("key").asString();
                String example = field.path("example").asString();
                JsonNode question = citizen.next();
                assertThat(bodyText(question)).as("step 1: question for field " + key)
                        .contains("ప్రశ్న " + (i + 1) + " / " + fields.size())
                        .contains(field.path("labels").path("te").asString());
                if ("enum".equals(field.path("type").asString())) {
                    assertThat(choices(question)).as("step 1: the options of " + key).contains("opt:" + example);
                    citizen.tap("opt:" + example, isButtons(question));
                } else {
                    citizen.say(example);
                }
                answers.put(key, example);
            }

            JsonNode summary = citizen.next();
            assertThat(choices(summary)).as("step 1: the summary asks to confirm")
                    .containsExactly("form:submit", "form:edit", "form:cancel");
            assertThat(bodyText(summary)).contains(answers.get("nm"));
            for (String aadhaar : valuesOfType("aadhaar")) {
                assertThat(bodyText(summary)).as("step 1: the summary masks the Aadhaar number")
                        .doesNotContain(aadhaar.replace(" ", "")).doesNotContain(aadhaar);
            }
            citizen.tap("form:submit", isButtons(summary));

            String submitted = bodyText(citizen.next());
            assertThat(submitted).as("step 1: submitted, with the application number").contains("దరఖాస్తు సంఖ్య");
            Matcher number = REFERENCE_PATTERN.matcher(submitted);
            assertThat(number.find()).as("step 1: an application number in " + submitted).isTrue();
            String reference = number.group();

            JsonNode mine = JsonHttp.get(issuer + "/api/v1/applications?phoneNumber=" + citizen.number(), 200,
                    "Authorization", JsonHttp.basic(platform.secrets.get("ISSUER_BRIDGE_CLIENT_ID"),
                            platform.secrets.get("ISSUER_BRIDGE_CLIENT_SECRET")));
            JsonNode application = mine.path("applications").valueStream()
                    .filter(a -> reference.equals(a.path("reference").asString(""))).findFirst()
                    .orElseThrow(() -> new AssertionError("the issuer does not know application " + reference
                            + " for the citizen: " + mine));
            applicationId = application.path("id").asString();
            assertThat(application.path("serviceCode").asString()).isEqualTo(SERVICE);
            assertThat(application.path("status").asString()).isEqualTo("SUBMITTED");
        }

        /** Step 2: the department's officer, signed in from dev.env (for a token), approves through the API. */
        private void officerApproves() {
            Map<String, String> devEnv = platform.devEnv();
            String user = devEnv.get("ISSUER_OFFICER_" + department + "_USER");
            String password = devEnv.get("ISSUER_OFFICER_" + department + "_PASSWORD");
            assertThat(user).as("step 2: the officer's sign-in in dev.env").isNotBlank();
            // As an officer's tools do: the password once for a token, then the token on every call.
            officer = new OfficerSignIn(issuer, user, password).authorization();

            JsonNode application = JsonHttp.get(issuer + "/api/v1/applications/" + applicationId, 200,
                    "Authorization", officer);
            assertThat(application.path("holderName").asString()).as("step 2: what the officer sees")
                    .isEqualTo(answers.get("nm"));
            JsonNode approved = JsonHttp.post(issuer + "/api/v1/applications/" + applicationId + "/approve", "", 200,
                    "Authorization", officer);
            certificateId = approved.path("certificateId").asString("");
            assertThat(certificateId).as("step 2: approval issues a certificate: " + approved)
                    .startsWith(department + "-");
        }

        /** Step 3: anchored on the ledger, then the PDF arrives on WhatsApp through the Graph API. */
        private void certificateIsAnchoredAndDelivered() {
            await("step 3: certificate " + certificateId + " ANCHORED").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).until(() -> "ANCHORED".equals(JsonHttp.get(
                            issuer + "/api/v1/certificates/" + certificateId, 200, "Authorization", officer)
                            .path("status").asString("")));
            issued = JsonHttp.get(issuer + "/api/v1/certificates/" + certificateId, 200, "Authorization", officer);
            assertThat(issued.path("ledger").path("transactionId").asString("")).as("step 3: ledger evidence")
                    .isNotBlank();

            JsonNode document = citizen.nextMatching(m -> "document".equals(m.path("type").asString("")),
                    "step 3: the certificate PDF sent to the citizen", Duration.ofSeconds(60));
            assertThat(document.path("document").path("filename").asString()).isEqualTo(certificateId + ".pdf");
            assertThat(bodyText(document)).as("step 3: the caption names the certificate").contains(certificateId);
            String mediaId = document.path("document").path("id").asString("");
            GraphStandIn.Media media = platform.graph.media(mediaId)
                    .orElseThrow(() -> new AssertionError("step 3: the document names media " + mediaId
                            + " that was never uploaded"));
            assertThat(media.mimeType()).isEqualTo("application/pdf");
            pdf = media.bytes();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            byte[] issuersPdf = JsonHttp.getBytes(issuer + "/api/v1/certificates/" + certificateId + "/pdf",
                    "Authorization", officer);
            assertThat(pdf).as("step 3: the citizen got the issuer's PDF unchanged").isEqualTo(issuersPdf);
        }

        /** Step 4: the printed QR verifies VALID with the holder's name; the ledger has the record and no PII. */
        private void printedQrVerifiesAndTheLedgerHoldsNoPersonalData() throws Exception {
            PrintedCertificate printed = new PrintedCertificate(pdf);
            qrText = printed.qrText(200).orElseThrow(() -> new AssertionError("step 4: no QR readable in the PDF"));
            assertThat(qrText).as("step 4: the QR points at the verifier")
                    .startsWith(verifier.toUpperCase(Locale.ROOT) + "/C/");
            assertThat(qrText).isEqualTo(issued.path("qrText").asString());

            JsonNode verdict = verify(qrText);
            assertThat(verdict.path("status").asString()).as("step 4: verdict " + verdict).isEqualTo("VALID");
            assertThat(verdict.path("certificate").path("holderName").asString()).isEqualTo(answers.get("nm"));
            assertThat(verdict.path("certificate").path("id").asString()).isEqualTo(certificateId);
            assertThat(verdict.path("message").asString("")).as("step 4: a message in Telugu").isNotBlank();
            assertThat(verdict.path("ledger").path("transactionId").asString())
                    .isEqualTo(issued.path("ledger").path("transactionId").asString());

            LedgerTables ledger = new LedgerTables(platform.dataSource());
            assertThat(ledger.stateFor(certificateId)).as("step 4: the certificate's record in devpeer.state")
                    .anySatisfy(e -> assertThat(e.value()).contains(issued.path("claimsHash").asString())
                            .contains("ACTIVE"));
            List<String> personal = new ArrayList<>(List.of(citizen.number(), citizen.number().substring(2)));
            personal.addAll(valuesOfType("name"));
            for (String aadhaar : valuesOfType("aadhaar")) {
                personal.add(aadhaar);
                personal.add(aadhaar.replace(" ", ""));
            }
            List<LedgerTables.Entry> everything = ledger.everything();
            assertThat(everything).as("step 4: the ledger has content").isNotEmpty();
            for (String value : personal) {
                assertThat(everything).as("step 4: personal data '" + value + "' on the ledger")
                        .noneMatch(e -> e.key().contains(value) || e.value().contains(value));
            }
        }

        /**
         * Step 4b: the PDF the citizen got, uploaded to the verifier as a bank clerk would: its credential VALID, and
         * its own PAdES signature VALID, by the department's key, the same key as the credential's, unchanged since.
         */
        private void theDeliveredPdfVerifiesWithItsDepartmentSignature() throws Exception {
            JsonNode answer = JsonHttp.postFile(verifier + "/api/v1/verify/image", pdf, certificateId + ".pdf",
                    "application/pdf", 200, "Accept-Language", "en");
            assertThat(answer.path("status").asString()).as("step 4b: PDF upload verdict " + answer).isEqualTo("VALID");
            JsonNode signature = answer.path("pdfSignature");
            assertThat(signature.path("status").asString()).as("step 4b: the PDF's signature " + signature)
                    .isEqualTo("VALID");
            assertThat(signature.path("department").asString()).isEqualTo(department);
            assertThat(signature.path("matchesCredential").asBoolean()).as("step 4b: " + signature).isTrue();
        }

        /**
         * Step 6, before the revocation: a phone photo of the print verifies VALID at the verifier and, sent on
         * WhatsApp, through the bridge (which calls the verifier with the shared API key); a forged claim says
         * TAMPERED.
         */
        private void photoOfThePrintVerifiesAndAForgeryDoesNot() throws Exception {
            byte[] photo = new PrintedCertificate(pdf).photo(150, 4, 0.75f);
            JsonNode fromPhoto = JsonHttp.postFile(verifier + "/api/v1/verify/image", photo, "photo.jpg",
                    "image/jpeg", 200, "Accept-Language", "te");
            assertThat(fromPhoto.path("status").asString()).as("step 6: photo verdict " + fromPhoto)
                    .isEqualTo("VALID");
            assertThat(fromPhoto.path("certificate").path("holderName").asString()).isEqualTo(answers.get("nm"));

            citizen.sendPhoto(photo);
            String checked = bodyText(citizen.nextMatching(m -> !bodyText(m).endsWith("…"),
                    "step 6: the bridge's verdict on the photo", Duration.ofSeconds(60)));
            assertThat(checked).as("step 6: the bridge checked the photo with the verifier (VALID, in Telugu)")
                    .contains("✅").contains(certificateId).contains(answers.get("nm"));

            String name = answers.get("nm");
            char last = name.charAt(name.length() - 1);
            String forgedName = name.substring(0, name.length() - 1) + (last == 'x' ? 'y' : 'x');
            String forged = PrintedCertificate.tampered(qrText, verifier, name, forgedName);
            JsonNode tampered = verify(forged);
            assertThat(tampered.path("status").asString()).as("step 6: forged verdict " + tampered)
                    .isEqualTo("TAMPERED");
        }

        /** Step 5: the officer revokes; the verifier says REVOKED within 3 seconds; the citizen is told. */
        private void revocationReachesVerifierAndCitizen() {
            JsonNode revoked = JsonHttp.post(issuer + "/api/v1/certificates/" + certificateId + "/revoke",
                    Map.of("code", "ISSUED_IN_ERROR", "reason", "Issued in error: income misstated"), 200,
                    "Authorization", officer);
            long revokedAt = System.nanoTime();
            assertThat(revoked.path("status").asString()).isEqualTo("REVOKED");
            await("step 5: the verifier says REVOKED").atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> "REVOKED".equals(verify(qrText).path("status").asString("")));
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThanOrEqualTo(Duration.ofSeconds(3));

            JsonNode notice = citizen.nextMatching(m -> bodyText(m).contains(certificateId)
                    && bodyText(m).contains("రద్దు"), "step 5: the citizen is told of the revocation",
                    Duration.ofSeconds(60));
            assertThat(bodyText(notice)).as("the code's meaning in Telugu, not the officer's note")
                    .contains("పొరపాటున జారీ").doesNotContain("income misstated");
            assertThat(new LedgerTables(platform.dataSource()).stateFor(certificateId))
                    .as("step 5: the officer's note is not on the ledger")
                    .noneSatisfy(e -> assertThat(e.value()).contains("income misstated"));
            assertThat(new LedgerTables(platform.dataSource()).stateFor(certificateId))
                    .as("step 5: the ledger record is revoked").anySatisfy(e -> assertThat(e.value()).contains("REVOKED"));
        }

        private JsonNode verify(String qr) {
            // As a bank or an employer would: anonymously (rate-limited per address, far above what this test sends).
            return JsonHttp.post(verifier + "/api/v1/verify", Map.of("qr", qr), 200, "Accept-Language", "te");
        }

        /** The citizen's answers to the form's fields of one type (name, aadhaar...): what must stay private. */
        private List<String> valuesOfType(String type) {
            return form.path("certificate").path("fields").valueStream()
                    .filter(f -> type.equals(f.path("type").asString(""))).map(f -> answers.get(f.path("key").asString()))
                    .filter(java.util.Objects::nonNull).toList();
        }
    }
}
