package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.conversation.InboundMessage;
import tools.jackson.databind.json.JsonMapper;

class NotificationParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final NotificationParser parser = new NotificationParser(JSON);
    // Just after the messages below were sent: their timestamps are believed (see NotificationParser.time).
    private final Instant now = Instant.parse("2026-01-01T00:05:00Z");

    private List<InboxEvent> parse(String value) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":" + value + "}]}]}";
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), now);
    }

    private static InboundMessage message(InboxEvent e) {
        return InboundMessage.from(JSON.readTree(e.payload()).path("message"));
    }

    @Test
    void splitsMessagesStatusesAndErrorsIntoKeyedEvents() {
        List<InboxEvent> events = parse("""
                {"messaging_product":"whatsapp","metadata":{"phone_number_id":"1"},
                 "contacts":[{"profile":{"name":"Ramesh"},"wa_id":"919876543210"}],
                 "messages":[{"from":"919876543210","id":"wamid.A","timestamp":"1767225600","type":"text","text":{"body":"hi"}},
                             {"from":"919876543210","id":"wamid.B","timestamp":"1767225601","type":"text","text":{"body":"x"}}],
                 "statuses":[{"id":"wamid.OUT","status":"delivered","timestamp":"1767225602","recipient_id":"919876543210"}],
                 "errors":[{"code":131051,"title":"Unsupported"}]}""");
        assertThat(events).extracting(InboxEvent::key).containsExactly("wamid.A", "wamid.B", "wamid.OUT:delivered",
                events.get(3).key());
        assertThat(events.get(3).key()).startsWith("error:");
        assertThat(events.get(0).citizenId()).isEqualTo("919876543210");
        assertThat(events.get(0).eventTime()).isEqualTo(Instant.ofEpochSecond(1767225600));
        assertThat(events.get(2).kind()).isEqualTo(InboxEvent.Kind.STATUS);
    }

    @Test
    void keysACitizenWithoutAPhoneNumberOnTheBusinessScopedUserId() {
        List<InboxEvent> events = parse("""
                {"contacts":[{"profile":{"name":"U"},"user_id":"IN.1234567890"}],
                 "messages":[{"from_user_id":"IN.1234567890","id":"wamid.U","timestamp":"1767225600","type":"text","text":{"body":"hi"}}]}""");
        assertThat(events.get(0).citizenId()).isEqualTo("IN.1234567890");
        assertThat(JSON.readTree(events.get(0).payload()).path("phone").isNull()).isTrue();
    }

    @Test
    void understandsEveryDocumentedMessageType() {
        List<InboxEvent> events = parse("""
                {"contacts":[{"wa_id":"91"}],"messages":[
                 {"from":"91","id":"1","timestamp":"1","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"svc:X","title":"X","description":"d"}}},
                 {"from":"91","id":"2","timestamp":"1","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"lang:te","title":"తెలుగు"}}},
                 {"from":"91","id":"3","timestamp":"1","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"response_json":"{\\"flow_token\\":\\"t\\"}"}}},
                 {"from":"91","id":"4","timestamp":"1","type":"button","button":{"payload":"resume","text":"Show"}},
                 {"from":"91","id":"5","timestamp":"1","type":"image","image":{"id":"m1","mime_type":"image/jpeg","sha256":"s","caption":"qr"}},
                 {"from":"91","id":"6","timestamp":"1","type":"document","document":{"id":"m2","mime_type":"application/pdf","sha256":"s","filename":"c.pdf"}},
                 {"from":"91","id":"7","timestamp":"1","type":"audio","audio":{"id":"m3","mime_type":"audio/ogg; codecs=opus","voice":true}},
                 {"from":"91","id":"8","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.O","emoji":""}},
                 {"from":"91","id":"9","timestamp":"1","type":"unsupported","errors":[{"code":131051}]},
                 {"from":"91","id":"10","timestamp":"1","type":"system","system":{"body":"changed","type":"user_changed_number"}},
                 {"from":"91","id":"11","timestamp":"1","type":"location","location":{"latitude":1,"longitude":2}},
                 {"from":"91","id":"12","timestamp":"1","type":"contacts","contacts":[]},
                 {"from":"91","id":"13","timestamp":"1","type":"video","video":{"id":"m4","mime_type":"video/mp4"}},
                 {"from":"91","id":"14","timestamp":"1","type":"sticker","sticker":{"id":"m5","mime_type":"image/webp"}}]}""");
        List<InboundMessage> m = events.stream().map(NotificationParserTest::message).toList();
        assertThat(m.get(0).replyId()).isEqualTo("svc:X");
        assertThat(m.get(1).replyId()).isEqualTo("lang:te");
        assertThat(m.get(2).type()).isEqualTo("interactive_nfm_reply");
        assertThat(m.get(3).replyId()).isEqualTo("resume");
        assertThat(m.get(4).isCertificateCandidate()).isTrue();
        assertThat(m.get(4).text()).isEqualTo("qr");
        assertThat(m.get(5).filename()).isEqualTo("c.pdf");
        assertThat(m.get(6).voice()).isTrue();
        assertThat(m.get(7).emoji()).isEmpty();
        assertThat(m.subList(8, 14)).extracting(InboundMessage::type)
                .containsExactly("unsupported", "system", "location", "contacts", "video", "sticker");
        assertThat(m.get(12).isCertificateCandidate()).isFalse();
    }

    @Test
    void refusesWhatIsNotANotification() {
        assertThatThrownBy(() -> parser.parse("not json".getBytes(StandardCharsets.UTF_8), now))
                .isInstanceOf(NotificationParser.MalformedNotificationException.class);
        assertThatThrownBy(() -> parser.parse("{\"entry\":1}".getBytes(StandardCharsets.UTF_8), now))
                .hasMessageContaining("entry");
        String noSender = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messages\":[{\"id\":\"x\",\"type\":\"text\"}]}}]}]}";
        NotificationParser.Notification n = parser.read(noSender.getBytes(StandardCharsets.UTF_8), now);
        assertThat(n.events()).isEmpty();
        assertThat(n.setAside()).singleElement().satisfies(s -> {
            assertThat(s.reason()).isEqualTo(SetAside.Reason.UNREADABLE);
            assertThat(s.detail()).contains("names no sender");
        });
    }
}
