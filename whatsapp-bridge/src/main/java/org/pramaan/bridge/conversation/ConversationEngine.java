package org.pramaan.bridge.conversation;

import org.pramaan.bridge.texts.BotTexts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.issuer.IssuerException;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes one inbound message to the right flow given the conversation's step. Works outside any transaction; the
 * new state and the queued replies are written in the inbox worker's settling transaction, together with the
 * message's "processed" mark.
 */
@Component
public class ConversationEngine {

    private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);
    private static final Map<String, Language> LANGUAGE_WORDS = Map.of("telugu", Language.TE, "తెలుగు", Language.TE,
            "english", Language.EN, "hindi", Language.HI, "हिंदी", Language.HI, "हिन्दी", Language.HI);

    private final Conversations conversations;
    private final Citizens citizens;
    private final Outbox outbox;
    private final BotTexts texts;
    private final MenuFlow menus;
    private final FormFlow forms;
    private final RecordsFlow records;
    private final VerifyFlow verification;

    public ConversationEngine(Conversations conversations, Citizens citizens, Outbox outbox, BotTexts texts,
            MenuFlow menus, FormFlow forms, RecordsFlow records, VerifyFlow verification) {
        this.conversations = conversations;
        this.citizens = citizens;
        this.outbox = outbox;
        this.texts = texts;
        this.menus = menus;
        this.forms = forms;
        this.records = records;
        this.verification = verification;
    }

    /**
     * Works one message outside any transaction (the flows may wait for the issuer or the verifier) and returns the
     * turn's writes: the replies, the new conversation state and what else it changed. Run them in the settling
     * transaction; they throw {@link ConcurrentTurn}, writing nothing, when the conversation changed meanwhile.
     */
    public Runnable prepare(Citizen citizen, InboundMessage message, Instant now) {
        Optional<Conversation> stored = conversations.read(citizen.id());
        Instant readAt = stored.map(Conversation::updatedAt).orElse(null);
        Conversation conversation = stored.orElseGet(() -> Conversation.start(citizen.id(), now));
        Chat chat = new Chat(citizen, conversation, texts, outbox, now);
        // While a form is in progress its application's id marks the logs and the replies queued for it.
        try (Correlation.Scope scope = Correlation.open(conversation.get(Conversation.CORRELATION_ID))) {
            route(chat, message);
        } catch (IssuerException | dev.failsafe.FailsafeException e) {
            log.warn("Issuer trouble while answering {}: {}", citizen.id(), e.toString());
            chat.say("error.temporary");
        }
        conversation.touch(now);
        List<Runnable> writes = chat.writes();
        return () -> {
            if (!conversations.saveIfUnchanged(conversation, readAt)) {
                throw new ConcurrentTurn(citizen.id());
            }
            writes.forEach(Runnable::run);
        };
    }

    private void route(Chat chat, InboundMessage m) {
        boolean choosing = chat.citizen().chosenLanguage().isEmpty() || chat.conversation().step() == Step.LANGUAGE;
        Optional<Language> chosen = chosenLanguage(m, choosing);
        if (chosen.isPresent()) {
            chat.later(() -> citizens.chooseLanguage(chat.citizen().id(), chosen.get()));
            chat.switchTo(chosen.get());
            chat.say("lang.saved");
            menus.mainMenu(chat);
            return;
        }
        if (choosing) {
            menus.languageChoice(chat);
            return;
        }
        if (m.mediaId() != null && forms.awaitingDocument(chat)) {
            forms.document(chat, m); // a supporting document (or a voice note, sticker... which it says is wrong)
        } else if (m.isFlowAnswer()) {
            forms.flowAnswers(chat, m.flow());
        } else if (m.isReply()) {
            reply(chat, m.replyId());
        } else if (m.isText()) {
            text(chat, m.text());
        } else if (m.isCertificateCandidate()) {
            if (chat.conversation().step() == Step.FORM || chat.conversation().step() == Step.CONFIRM) {
                chat.say("unsupported.media.form");
                forms.repeat(chat);
            } else {
                verification.media(chat, m);
            }
        } else if ("audio".equals(m.type())) {
            chat.say("unsupported.voice");
        } else if ("reaction".equals(m.type()) && (m.emoji() == null || m.emoji().isEmpty())) {
            log.debug("Reaction removed by {}", chat.citizen().id()); // nothing was said, nothing to answer
        } else if ("system".equals(m.type())) {
            log.info("System message for {} (e.g. number change)", chat.citizen().id());
        } else {
            chat.say("unsupported.type");
        }
    }

    private void reply(Chat chat, String id) {
        String[] parts = id.split(":", 3);
        switch (parts[0]) {
            case "menu" -> {
                if (parts.length == 1) {
                    menus.mainMenu(chat);
                } else {
                    menuItem(chat, parts[1]);
                }
            }
            case "depts" -> menus.departments(chat, page(parts, 1));
            case "dept" -> menus.services(chat, parts[1], 0);
            case "svcs" -> menus.services(chat, parts[1], page(parts, 2));
            case "svc" -> menus.serviceIntro(chat, parts[1]);
            case "start" -> forms.begin(chat, parts[1]);
            case "opt" -> {
                if (chat.conversation().step() == Step.FORM) {
                    forms.answer(chat, id.substring(4));
                } else {
                    menus.mainMenu(chat);
                }
            }
            case "form" -> {
                if (chat.conversation().step() != Step.CONFIRM) {
                    menus.mainMenu(chat);
                } else if ("submit".equals(parts[1])) {
                    forms.submit(chat);
                } else if ("edit".equals(parts[1])) {
                    if (parts.length > 2) {
                        forms.changeAnswer(chat, parts[2]);
                    } else {
                        forms.chooseAnswerToChange(chat);
                    }
                } else {
                    forms.cancel(chat);
                }
            }
            case "cert" -> records.resend(chat, id.substring(5));
            case "doc" -> {
                if (chat.conversation().step() == Step.FORM) {
                    forms.skipDocument(chat);
                } else {
                    menus.mainMenu(chat);
                }
            }
            default -> menus.mainMenu(chat); // template quick replies and stale buttons land on the menu
        }
    }

    private void menuItem(Chat chat, String item) {
        switch (item) {
            case "apply" -> {
                chat.conversation().reset(Step.MENU);
                menus.departments(chat, 0);
            }
            case "track" -> records.track(chat);
            case "certs" -> records.certificates(chat);
            case "verify" -> verification.prompt(chat);
            case "help" -> chat.say("help.body");
            case "language" -> menus.languageChoice(chat);
            default -> menus.mainMenu(chat);
        }
    }

    private void text(Chat chat, String text) {
        Step step = chat.conversation().step();
        boolean inForm = step == Step.FORM || step == Step.CONFIRM;
        Optional<Command> command = Command.of(text).filter(c -> !(inForm && c.outsideFormsOnly()));
        if (command.isPresent()) {
            switch (command.get()) {
                case MENU -> menus.mainMenu(chat);
                case HELP -> chat.say("help.body");
                case STATUS -> records.track(chat);
                case LANGUAGE -> menus.languageChoice(chat);
                case APPLY -> menuItem(chat, "apply");
                case CERTIFICATES -> records.certificates(chat);
                case VERIFY -> verification.prompt(chat);
                case CANCEL -> {
                    if (step == Step.FORM || step == Step.CONFIRM) {
                        forms.cancel(chat);
                    }
                    menus.mainMenu(chat);
                }
                case BACK -> {
                    if (step == Step.FORM || step == Step.CONFIRM) {
                        forms.back(chat);
                    } else {
                        menus.mainMenu(chat);
                    }
                }
            }
            return;
        }
        if (step == Step.FORM) {
            forms.answer(chat, text);
        } else if (step == Step.CONFIRM) {
            chat.say("form.confirm.hint");
            forms.repeat(chat);
        } else if (VerifyFlow.looksLikeQr(text)) {
            verification.qrText(chat, text);
        } else {
            menus.search(chat, text);
        }
    }

    private static Optional<Language> chosenLanguage(InboundMessage m, boolean choosing) {
        if (m.replyId() != null && m.replyId().startsWith("lang:")) {
            return Language.fromCode(m.replyId().substring(5));
        }
        if (m.isText() && choosing) {
            return Optional.ofNullable(LANGUAGE_WORDS.get(m.text().strip().toLowerCase(java.util.Locale.ROOT)));
        }
        return Optional.empty();
    }

    private static int page(String[] parts, int index) {
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
