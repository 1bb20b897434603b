package org.pramaan.bridge.conversation;

import org.pramaan.bridge.texts.BotTexts;
import java.time.Clock;
import java.time.Instant;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.config.BridgeProperties;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes abandoned forms politely, so a citizen who comes back days later is not dropped mid-question, and forgets
 * the supporting documents sent for them.
 */
@Component
public class ConversationExpiry {

    private final Conversations conversations;
    private final Citizens citizens;
    private final Outbox outbox;
    private final BotTexts texts;
    private final BridgeProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final FormDocuments documents;

    public ConversationExpiry(Conversations conversations, Citizens citizens, Outbox outbox, BotTexts texts,
            BridgeProperties properties, TransactionTemplate transactions, Clock clock, FormDocuments documents) {
        this.documents = documents;
        this.conversations = conversations;
        this.citizens = citizens;
        this.outbox = outbox;
        this.texts = texts;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pramaan.bridge.expiry-check:60s}")
    public int expireIdle() {
        Instant now = clock.instant();
        int expired = 0;
        for (String citizenId : conversations.idleSince(now.minus(properties.conversationTimeout()))) {
            Boolean done = transactions.execute(tx -> conversations.find(citizenId)
                    .filter(c -> c.step().expires() && c.updatedAt().isBefore(now.minus(properties.conversationTimeout())))
                    .map(c -> {
                        citizens.find(citizenId).ifPresent(citizen -> outbox.enqueue(citizen,
                                Replies.text(texts.get(citizen.languageOrDefault(), "expired"))));
                        c.reset(Step.MENU);
                        c.touch(now);
                        conversations.save(c);
                        documents.clear(citizenId); // the abandoned form's files go with it
                        return true;
                    }).orElse(false));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }
}
