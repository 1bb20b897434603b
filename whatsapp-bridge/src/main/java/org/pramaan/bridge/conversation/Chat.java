package org.pramaan.bridge.conversation;

import org.pramaan.bridge.texts.BotTexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.OutboundMessage;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.service.correlation.Correlation;

/**
 * One turn of a conversation: who, in which language, what state, and a way to answer. The turn is worked outside
 * any transaction (it may wait for the issuer or the verifier), so what it writes, the replies above all, is kept
 * here and written by {@link #writes()} in the inbox worker's settling transaction.
 */
public final class Chat {

    private final Citizen citizen;
    private Language language;
    private final Conversation conversation;
    private final BotTexts texts;
    private final Outbox outbox;
    private final Instant now;
    private final List<Runnable> writes = new ArrayList<>();

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

    /** Queues a reply under the correlation id of the moment (an application's, once a form has begun). */
    public void send(OutboundMessage message) {
        String correlation = Correlation.current().orElse(null);
        writes.add(() -> outbox.enqueue(citizen, message, correlation));
    }

    /** A write of this turn, done with the others when the turn is settled. */
    void later(Runnable write) {
        writes.add(write);
    }

    /** The turn's writes in the order they were made; run them inside the settling transaction. */
    List<Runnable> writes() {
        return List.copyOf(writes);
    }

    public void say(String key, Object... args) {
        send(Replies.text(t(key, args)));
    }
}
