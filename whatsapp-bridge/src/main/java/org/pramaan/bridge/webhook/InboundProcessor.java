package org.pramaan.bridge.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.IdentityChange;
import org.pramaan.bridge.conversation.ConversationEngine;
import org.pramaan.bridge.conversation.InboundMessage;
import org.pramaan.bridge.conversation.NumberChangeFlow;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.WindowTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Acts on inbox events: messages go to the conversation, statuses to the outbox, errors to the log. Only a chat turn
 * calls out (issuer, verifier, Graph API media); it is worked in {@link #prepare} and everything is written by the
 * returned effects.
 */
@Component
public class InboundProcessor implements InboundHandler {

    private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

    private final ObjectMapper json;
    private final Citizens citizens;
    private final Outbox outbox;
    private final ConversationEngine conversations;
    private final WindowTemplates templates;
    private final MeterRegistry meters;
    private final Clock clock;
    private final NumberChangeFlow numberChanges;

    public InboundProcessor(ObjectMapper json, Citizens citizens, Outbox outbox, ConversationEngine conversations,
            WindowTemplates templates, MeterRegistry meters, Clock clock, NumberChangeFlow numberChanges) {
        this.numberChanges = numberChanges;
        this.json = json;
        this.citizens = citizens;
        this.outbox = outbox;
        this.conversations = conversations;
        this.templates = templates;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public Effects prepare(InboxEvent event) {
        JsonNode payload = json.readTree(event.payload());
        return switch (event.kind()) {
            case MESSAGE -> message(event, payload);
            case STATUS -> () -> status(payload);
            case ERROR -> () -> {
                log.warn("WhatsApp reported an error in a notification: {}", event.payload());
                meters.counter("bridge.webhook.errors").increment();
                return "LOGGED";
            };
        };
    }

    private Effects message(InboxEvent event, JsonNode payload) {
        InboundMessage message = InboundMessage.from(payload.path("message"));
        String phone = text(payload, "phone");
        String userId = text(payload, "userId");
        String name = text(payload.path("contact").path("profile"), "name");
        if ("system".equals(message.type())) {
            Optional<IdentityChange> change = IdentityChange.from(payload.path("message").path("system"));
            if (change.isPresent()) {
                // No remote call: the whole change is written in the settling transaction.
                return () -> {
                    Citizen citizen = citizens.noteInbound(phone, userId, name, event.eventTime());
                    numberChanges.apply(citizen, change.get(), event.eventTime());
                    countMessage(message);
                    return "IDENTITY CHANGED";
                };
            }
        }
        // The conversation is worked now, with the issuer's and verifier's answers; its writes wait for the settle.
        Citizen citizen = citizens.afterInbound(phone, userId, name, event.eventTime());
        Runnable turn = conversations.prepare(citizen, message, clock.instant());
        return () -> {
            citizens.noteInbound(phone, userId, name, event.eventTime());
            // The citizen wrote, so the 24-hour window is open: what waited for it goes out first, in order.
            outbox.releaseWaiting(citizen.id());
            if (!"reaction".equals(message.type()) && !"system".equals(message.type())) {
                outbox.enqueue(citizen, Replies.readAndTyping(message.id()));
            }
            turn.run();
            countMessage(message);
            return "HANDLED " + message.type();
        };
    }

    /** Counted once the turn's writes are done: a turn worked again (a lost lease, a concurrent change) counts once. */
    private void countMessage(InboundMessage message) {
        meters.counter("bridge.inbound.messages", "type", message.type()).increment();
    }

    private String status(JsonNode status) {
        String state = text(status, "status");
        JsonNode error = status.path("errors").path(0);
        int code = error.path("code").asInt(0);
        String citizenId = outbox.applyStatus(text(status, "id"), state, code,
                error.isMissingNode() ? null : error.toString());
        if (citizenId == null) {
            return "UNKNOWN MESSAGE";
        }
        if ("failed".equals(state)) {
            meters.counter("bridge.outbound.failed", "code", String.valueOf(code)).increment();
            if (code == 131047) {
                citizens.find(citizenId).ifPresent(c -> templates.ensureQueued(outbox, c, null));
            }
        }
        return "STATUS " + state;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }
}
