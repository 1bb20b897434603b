package org.pramaan.bridge.outbound;

import java.util.List;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.texts.BotTexts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approved template sent when the 24-hour window is closed. It must exist, approved, in WhatsApp Manager as
 * {@value #NAME} in te, en and hi, with one body parameter (a one-line summary) and a quick-reply button; the
 * citizen's answer reopens the window and releases what waited.
 */
@Component
public class WindowTemplates {

    public static final String NAME = "pramaan_update";

    private final BotTexts texts;
    private final TransactionTemplate transactions;

    public WindowTemplates(BotTexts texts, TransactionTemplate transactions) {
        this.texts = texts;
        this.transactions = transactions;
    }

    public OutboundMessage reopen(Citizen citizen, String summary) {
        String line = summary == null ? texts.get(citizen.languageOrDefault(), "template.summary") : summary;
        return Replies.template(NAME, citizen.languageOrDefault().code(), List.of(Replies.fit(line, 200)));
    }

    /** Queues the template unless one already went out for this closed window. */
    public void ensureQueued(Outbox outbox, Citizen citizen, String summary) {
        // A delivery's text and PDF can reach two workers at once: the citizen's lock makes the look and the insert one
        // step, so one template goes out, not one per worker.
        transactions.executeWithoutResult(status -> {
            outbox.lockCitizen(citizen.id());
            if (!outbox.hasPendingTemplate(citizen.id())) {
                outbox.enqueue(citizen, reopen(citizen, summary));
            }
        });
    }
}
