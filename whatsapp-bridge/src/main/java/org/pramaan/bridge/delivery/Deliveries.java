package org.pramaan.bridge.delivery;

import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.conversation.BotTexts;
import org.pramaan.bridge.logging.Correlation;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Turns issuer notifications into queued messages, once per deliveryId. Outside the 24-hour window the sender
 * holds them and sends the approved template first (see OutboundSender).
 */
@Service
public class Deliveries {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Deliveries.class);

    private final JdbcTemplate jdbc;
    private final Citizens citizens;
    private final Outbox outbox;
    private final BotTexts texts;
    private final ObjectMapper json;

    public Deliveries(JdbcTemplate jdbc, Citizens citizens, Outbox outbox, BotTexts texts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.outbox = outbox;
        this.texts = texts;
        this.json = json;
    }

    /** Returns false for a duplicate (already accepted earlier): nothing is queued again. */
    @Transactional
    public boolean accept(DeliveryRequest request) {
        // The request's correlation id is the application's when issuer-service sent it: kept with the notice,
        // and (through the MDC) with the messages queued below, so their sending logs under it too.
        int inserted = jdbc.update("INSERT INTO delivery (delivery_id, type, certificate_id, phone, payload, "
                + "correlation_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING", request.key(),
                request.type(), request.certificateId(), request.phoneNumber(), json.writeValueAsString(request),
                Correlation.current().orElse(null));
        if (inserted == 0) {
            return false;
        }
        log.info("Delivery {} ({}) about {} accepted", request.key(), request.type(),
                request.certificateId() != null ? request.certificateId() : request.applicationId());
        Citizen citizen = citizens.ensure(request.phoneNumber(), Language.fromCode(request.language()).orElse(null));
        Language l = citizen.chosenLanguage().or(() -> Language.fromCode(request.language())).orElse(Language.EN);
        String name = request.names().in(l);
        String reason = request.reason() == null ? "-" : request.reason();
        switch (request.type()) {
            case "ISSUED" -> {
                outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.ready", name)));
                outbox.enqueue(citizen, Replies.issuerDocument(request.pdfUrl(), request.certificateId() + ".pdf",
                        Replies.fit(texts.get(l, "delivery.caption", name, request.certificateId()),
                                Replies.CAPTION_MAX)));
            }
            case "REVOKED" -> outbox.enqueue(citizen,
                    Replies.text(texts.get(l, "delivery.revoked", name, request.certificateId(), reason)));
            case "REJECTED" -> outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.rejected", name, reason)));
            default -> throw new IllegalArgumentException("unknown delivery type " + request.type());
        }
        return true;
    }
}
