package org.pramaan.bridge.conversation;

import java.time.Instant;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.OutboundMessage;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;

/** One turn of a conversation: who, in which language, what state, and a way to answer. */
public final class Chat {

    private final Citizen citizen;
    private Language language;
    private final Conversation conversation;
    private final BotTexts texts;
    private final Outbox outbox;
    private final Instant now;

    Chat(Citizen citizen, Conversation conversation, BotTexts texts, Outbox outbox, Instant now) {
        this.citizen = citizen;
        this.language = citizen.languageOrDefault();
        this.conversation = conversation;
        this.texts = texts;
        this.outbox = outbox;
        this.now = now;
    }

    public Citizen citizen() {
        return citizen;
    }

    public Language language() {
        return language;
    }

    void switchTo(Language next) {
        language = next;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Instant now() {
        return now;
    }

    public String t(String key, Object... args) {
        return texts.get(language, key, args);
    }

    /** A text in a language other than the citizen's: the greeting of someone who has not chosen one yet. */
    public String t(Language in, String key, Object... args) {
        return texts.get(in, key, args);
    }

    public void send(OutboundMessage message) {
        outbox.enqueue(citizen, message);
    }

    public void say(String key, Object... args) {
        send(Replies.text(t(key, args)));
    }
}
