package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.simulator.GraphEmulator;
import org.pramaan.bridge.simulator.GraphEmulator.InjectedError;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox against the Graph API stand-in: order, retries, permanent failures, alerts and the 24-hour window. */
class OutboundSenderTest extends BridgeIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    Citizens citizens;
    @Autowired
    MeterRegistry meters;

    private Citizen citizenInWindow() {
        String phone = newPhone();
        Citizen c = citizens.noteInbound(phone, null, "T", Instant.now());
        citizens.chooseLanguage(phone, Language.EN);
        return citizens.find(phone).orElseThrow();
    }

    private String stateOf(String citizenId, String body) {
        return jdbc.queryForObject("SELECT state FROM outbox WHERE citizen_id = ? AND payload LIKE ?", String.class,
                citizenId, "%" + body + "%");
    }

    /**
     * An injected error goes to whichever send comes next, a read receipt of another test's late chat turn included
     * (eight senders work at once): wait until nothing else is on its way before injecting one.
     */
    private void awaitQuiet() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM inbox WHERE processed_at IS NULL) + "
                        + "(SELECT count(*) FROM outbox WHERE state = 'PENDING' AND next_attempt_at < now() + interval '5 seconds')",
                Integer.class) == 0);
    }

    @Test
    void messagesToOneCitizenArriveInOrder() {
        Citizen c = citizenInWindow();
        IntStream.range(0, 20).forEach(i -> outbox.enqueue(c, Replies.text("message " + i)));
        List<String> bodies = awaitMessages(c.phone(), 20).stream().map(m -> m.path("text").path("body").asString())
                .toList();
        assertThat(bodies).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "message " + i).toList());
    }

    @Test
    void retryableErrorsAreRetriedAndOrderStillHolds() {
        Citizen c = citizenInWindow();
        awaitQuiet();
        graph.injectErrors(new InjectedError(131000, 500, "Something went wrong"), 1);
        outbox.enqueue(c, Replies.text("first"));
        outbox.enqueue(c, Replies.text("second"));
        List<String> bodies = awaitMessages(c.phone(), 2).stream().map(m -> m.path("text").path("body").asString())
                .toList();
        assertThat(bodies).containsExactly("first", "second");
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE citizen_id = ? AND payload LIKE '%first%'",
                Integer.class, c.id())).isEqualTo(2);
    }

    @Test
    void undeliverableIsRecordedAndNotRetried() {
        Citizen c = citizenInWindow();
        awaitQuiet();
        graph.injectErrors(new InjectedError(131026, 400, "Message undeliverable"), 1);
        outbox.enqueue(c, Replies.text("lost"));
        outbox.enqueue(c, Replies.text("after"));
        awaitMessages(c.phone(), 1);
        assertThat(stateOf(c.id(), "lost")).isEqualTo("FAILED");
        assertThat(graph.sentTo(c.phone(), 0)).hasSize(1);
    }

    @Test
    void parameterAndTokenErrorsRaiseAnAlertWithoutLooping() {
        Citizen c = citizenInWindow();
        double before = meters.counter("bridge.alerts", "kind", "token").count();
        graph.injectErrors(new InjectedError(190, 401, "Invalid OAuth access token"), 1);
        outbox.enqueue(c, Replies.text("token trouble"));
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(stateOf(c.id(), "token trouble")));
        assertThat(meters.counter("bridge.alerts", "kind", "token").count()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE citizen_id = ? AND payload LIKE '%token trouble%'",
                Integer.class, c.id())).isEqualTo(1);
    }

    @Test
    void outsideTheWindowAnApprovedTemplateGoesFirstAndTheMessageFollowsTheReply() {
        String phone = newPhone();
        Citizen c = citizens.ensure(phone, Language.TE); // never wrote: no open window
        outbox.enqueue(c, Replies.text("your certificate"));
        GraphEmulator.Sent template = await().atMost(Duration.ofSeconds(10))
                .until(() -> graph.sentTo(phone, 0), l -> !l.isEmpty()).get(0);
        assertThat(template.body().path("type").asString()).isEqualTo("template");
        assertThat(template.body().path("template").path("name").asString()).isEqualTo(WindowTemplates.NAME);
        assertThat(template.body().path("template").path("language").path("code").asString()).isEqualTo("te");
        assertThat(stateOf(phone, "your certificate")).isEqualTo("WAITING_WINDOW");

        send(phone, WebhookPayloads.reply(phone, wamid(), Instant.now(), "button_reply", "resume", "OK"));
        List<String> texts = awaitMessages(phone, 2).stream().map(m -> m.path("text").path("body").asString("")).toList();
        assertThat(texts.get(1)).isEqualTo("your certificate");
    }

    @Test
    void failedStatusWith131047TriggersTheTemplatePath() {
        Citizen c = citizenInWindow();
        outbox.enqueue(c, Replies.text("will fail later"));
        GraphEmulator.Sent sent = awaitMessages(c.phone(), 1).isEmpty() ? null : graph.sentTo(c.phone(), 0).get(0);
        postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, null, null,
                WebhookPayloads.status(sent.wamid(), "failed", c.phone(), Instant.now(), 131047)));
        await().atMost(Duration.ofSeconds(10)).until(() -> graph.sentTo(c.phone(), 0).size() == 2);
        assertThat(graph.sentTo(c.phone(), 0).get(1).body().path("type").asString()).isEqualTo("template");
        assertThat(stateOf(c.id(), "will fail later")).isEqualTo("WAITING_WINDOW");
    }

    @Test
    void statusNotificationsMoveTheStateForwardOnly() {
        Citizen c = citizenInWindow();
        outbox.enqueue(c, Replies.text("tracked"));
        String wamid = graph.sentTo(c.phone(), 0).isEmpty()
                ? await().atMost(Duration.ofSeconds(10)).until(() -> graph.sentTo(c.phone(), 0), l -> !l.isEmpty()).get(0).wamid()
                : graph.sentTo(c.phone(), 0).get(0).wamid();
        postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, null, null,
                WebhookPayloads.status(wamid, "read", c.phone(), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "READ".equals(stateOf(c.id(), "tracked")));
        // a late "delivered" (no ordering guarantee) must not move it back
        postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, null, null,
                WebhookPayloads.status(wamid, "delivered", c.phone(), Instant.now(), null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_key = ? AND processed_at IS NOT NULL", Integer.class,
                wamid + ":delivered") == 1);
        assertThat(stateOf(c.id(), "tracked")).isEqualTo("READ");
    }
}
