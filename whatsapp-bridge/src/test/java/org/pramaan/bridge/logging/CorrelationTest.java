package org.pramaan.bridge.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.logging.PersonalNumbers;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** The correlation id on the way out (the application's submission) and on the way back (its delivery). */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationTest extends BridgeIntegrationTest {

    @Test
    void aFormGetsOneIdThatTheSubmissionCarriesAndItsRepliesKeep(CapturedOutput output) {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        String start = tap(phone, "start:REV-INCOME");
        seen++;
        say(phone, "Traced Applicant");
        seen++;
        say(phone, "96000");
        seen++;
        say(phone, "2341 2341 2346");
        seen++;
        tap(phone, "opt:RURAL");
        seen++;
        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen))).contains("submitted");

        JsonNode submission = ISSUER.submissions.stream()
                .filter(s -> s.path("phoneNumber").asString("").equals(phone)).findFirst().orElseThrow();
        String applicationId = submission.path("id").asString();
        String correlation = ISSUER.correlationIds.get(applicationId);
        assertThat(correlation).as("X-Correlation-Id on the application POST").isNotNull();
        assertThat(UUID.fromString(correlation)).isNotNull();
        // One reference per application, not per citizen: the issuer answers a repeated reference with the
        // first application, so a citizen's second application must carry a reference of its own.
        assertThat(submission.path("channelReference").asString()).isEqualTo(correlation);

        // Every reply from the first question to "submitted" was queued under it; the language menu was not.
        List<String> ids = jdbc.queryForList("SELECT coalesce(correlation_id, '-') FROM outbox WHERE citizen_id = ?"
                + " AND kind <> 'read' ORDER BY seq", String.class, phone);
        assertThat(ids).hasSize(seen + 1);
        assertThat(ids.subList(0, 3)).containsOnly("-");
        assertThat(ids.subList(3, ids.size())).containsOnly(correlation);
        // The form is done: the next application gets an id of its own.
        assertThat(jdbc.queryForObject("SELECT data FROM conversation WHERE citizen_id = ?", String.class, phone))
                .doesNotContain(correlation);

        assertThat(lines(output, "Application " + applicationId + " for REV-INCOME submitted"))
                .singleElement().asString().contains(correlation, "wamid.");
        // The message that started the form logged under the new id and its own WhatsApp id.
        assertThat(lines(output, "Form for REV-INCOME started")).singleElement().asString()
                .contains(correlation, start);
    }

    @Test
    void aDeliveryWithAnIdLogsTheSendingOfItsMessagesUnderIt(CapturedOutput output) throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        String correlation = "issuer-app:" + UUID.randomUUID();
        String deliveryId = UUID.randomUUID().toString();
        String certificateId = "REV-INC-2026-" + phone.substring(phone.length() - 7);
        HttpResponse<String> answer = deliver(correlation, """
                {"deliveryId":"%s","type":"ISSUED","certificateId":"%s","applicationId":null,
                 "phoneNumber":"%s","language":"en","serviceName":{"en":"Income Certificate",
                 "te":"ఆదాయ ధృవీకరణ పత్రం","hi":"आय प्रमाण पत्र"},"pdfUrl":"%s/api/v1/certificates/%s/pdf",
                 "verifyUrl":"HTTPS://VERIFY.EXAMPLE/C/ABC","reason":null}"""
                .formatted(deliveryId, certificateId, phone, ISSUER.baseUrl(), certificateId));
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue(Correlation.HEADER)).contains(correlation);
        awaitMessages(phone, seen + 2);

        assertThat(jdbc.queryForObject("SELECT correlation_id FROM delivery WHERE delivery_id = ?", String.class,
                deliveryId)).isEqualTo(correlation);
        // Logs carry the number masked (last four digits): the correlation id tells this citizen's lines apart.
        String masked = PersonalNumbers.phone(phone);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines(output, "for " + masked + " accepted by WhatsApp")
                .stream().anyMatch(l -> l.contains("(document)") && l.contains(correlation)));
        List<String> sent = lines(output, "for " + masked + " accepted by WhatsApp");
        assertThat(sent.stream().filter(l -> l.contains(correlation)))
                .hasSize(2).anyMatch(l -> l.contains("(text)")).anyMatch(l -> l.contains("(document)"));
        assertThat(lines(output, "Delivery " + deliveryId)).singleElement().asString()
                .contains(correlation);
        // The PDF was fetched from the issuer under the same id, so the issuer's logs of that call join up too.
        assertThat(ISSUER.pdfCorrelationIds).containsEntry("/api/v1/certificates/" + certificateId + "/pdf",
                correlation);
    }

    @Test
    void aMalformedIdIsReplaced() throws Exception {
        HttpResponse<String> answer = deliver("bad id\nforged=1", "{not json");
        assertThat(answer.statusCode()).isEqualTo(400);
        String replaced = answer.headers().firstValue(Correlation.HEADER).orElseThrow();
        assertThat(UUID.fromString(replaced)).isNotNull();
    }

    private HttpResponse<String> deliver(String correlation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/internal/v1/deliveries")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + BRIDGE_TOKEN)
                .header(Correlation.HEADER, correlation.replace("\n", " "))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Lines (plain text or, with LOG_FORMAT set, JSON) mentioning {@code text}. */
    private static List<String> lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(l -> l.contains(text)).toList();
    }
}
