package org.pramaan.bridge.delivery;

import org.pramaan.catalog.reason.ReasonTexts;
import dev.failsafe.FailsafeException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.bridge.citizen.ApplicationOwners;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.citizen.NumberChanges;
import org.pramaan.bridge.texts.BotTexts;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.issuer.IssuerException;
import org.pramaan.bridge.outbound.Outbox;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.service.correlation.Correlation;
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
    private final ApplicationOwners owners;
    private final NumberChanges numbers;
    private final IssuerClient issuer;

    public Deliveries(JdbcTemplate jdbc, Citizens citizens, Outbox outbox, BotTexts texts, ObjectMapper json,
            ApplicationOwners owners, NumberChanges numbers, IssuerClient issuer) {
        this.issuer = issuer;
        this.jdbc = jdbc;
        this.owners = owners;
        this.numbers = numbers;
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
        // Monthly partitions (retention): a repeat is refused by the look across all kept months, a concurrent one
        // by the month's own unique index.
        int inserted = jdbc.update("INSERT INTO delivery (delivery_id, type, certificate_id, phone, payload, "
                + "correlation_id) SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM delivery WHERE "
                + "delivery_id = ?) ON CONFLICT DO NOTHING", request.key(), request.type(), request.certificateId(),
                request.phoneNumber(), json.writeValueAsString(request), Correlation.current().orElse(null),
                request.key());
        if (inserted == 0) {
            return false;
        }
        log.info("Delivery {} ({}) about {} accepted", request.key(), request.type(),
                request.certificateId() != null ? request.certificateId() : request.applicationId());
        Citizen citizen = recipient(request);
        Language l = citizen.chosenLanguage().or(() -> Language.fromCode(request.language())).orElse(Language.EN);
        String name = request.names().in(l);
        String reason = rejectionReason(request, l);
        switch (request.type()) {
            case "ISSUED" -> {
                outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.ready", name)));
                outbox.enqueue(citizen, Replies.issuerDocument(request.pdfUrl(), request.certificateId() + ".pdf",
                        Replies.fit(texts.get(l, "delivery.caption", name, request.certificateId()),
                                Replies.CAPTION_MAX)));
            }
            case "REVOKED" -> outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.revoked", name,
                    request.certificateId(), texts.get(l, "revocation.reason." + request.revocationCode()))));
            case "HELD" -> outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.held", name,
                    request.certificateId(), texts.get(l, "hold.reason." + request.holdCode()))));
            // The department cannot sign now (no usable key on the ledger): the application stands, the certificate waits.
            case "DELAYED" -> outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.delayed", name)));
            case "REJECTED" -> outbox.enqueue(citizen, Replies.text(texts.get(l, "delivery.rejected", name, reason)));
            default -> throw new IllegalArgumentException("unknown delivery type " + request.type());
        }
        return true;
    }

    /**
     * A rejection's reason in the citizen's language: the issuer's code worded from the catalog's one table, and
     * the officer's note after it when there is one; an older issuer's bare note as it came.
     */
    static String rejectionReason(DeliveryRequest request, Language l) {
        String note = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (request.reasonCode() == null) {
            return note == null ? "-" : note;
        }
        String text = ReasonTexts.rejection(request.reasonCode()).in(l);
        return note == null ? text : text + " (" + note + ")";
    }

    /**
     * Who the notice is for. The issuer names the phone number the application was filed under; the person who
     * applied through the chat may have changed number since, and the number may have passed to someone else.
     */
    private Citizen recipient(DeliveryRequest request) {
        Language language = Language.fromCode(request.language()).orElse(null);
        Optional<Citizen> applicant = owners.owner(request.applicationId()).flatMap(citizens::find);
        if (applicant.isPresent()) {
            return applicant.get();
        }
        String phone = request.phoneNumber();
        Optional<Instant> givenUp = numbers.lastGivenUp(phone);
        boolean earlierHolders = givenUp.isPresent() && beforeTheChange(request, phone, givenUp.get());
        Optional<String> successor = earlierHolders ? numbers.successor(phone) : Optional.empty();
        return successor.flatMap(citizens::find).orElseGet(() -> citizens.ensure(phone, language));
    }

    /**
     * Whether the notice concerns what the number's earlier holder started: an application submitted before they
     * gave the number up (asked of the issuer), or, when the issuer cannot say, anything while nobody has written
     * from the number since.
     */
    private boolean beforeTheChange(DeliveryRequest request, String phone, Instant givenUp) {
        if (request.applicationId() != null) {
            try {
                Optional<Instant> submitted = issuer.applications(phone).stream()
                        .filter(a -> request.applicationId().equals(a.id()))
                        .map(IssuerClient.Application::submitted).filter(Objects::nonNull).findFirst();
                if (submitted.isPresent()) {
                    return submitted.get().isBefore(givenUp);
                }
            } catch (IssuerException | FailsafeException e) {
                log.warn("Could not ask the issuer when application {} was submitted: {}", request.applicationId(),
                        e.toString());
            }
        }
        return citizens.find(phone).map(c -> c.lastInboundAt() == null).orElse(true);
    }
}
