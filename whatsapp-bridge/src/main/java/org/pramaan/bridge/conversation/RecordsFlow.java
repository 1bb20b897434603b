package org.pramaan.bridge.conversation;

import java.util.List;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.issuer.IssuerException;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.Replies.Row;
import org.pramaan.bridge.outbound.Replies.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The citizen's own records at the issuer: applications to track, certificates to receive again. */
@Component
public class RecordsFlow {

    private static final Logger log = LoggerFactory.getLogger(RecordsFlow.class);
    private static final List<String> KNOWN_STATUSES = List.of("SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED",
            "ISSUED");

    private final IssuerClient issuer;
    private final MenuFlow menus;
    private final CitizenRecords records;

    public RecordsFlow(IssuerClient issuer, MenuFlow menus, CitizenRecords records) {
        this.issuer = issuer;
        this.records = records;
        this.menus = menus;
    }

    public void track(Chat chat) {
        Language l = chat.language();
        List<IssuerClient.Application> applications;
        try {
            applications = records.applications(chat.citizen());
        } catch (IssuerException | dev.failsafe.FailsafeException e) {
            log.warn("Tracking for {} failed: {}", chat.citizen().id(), e.toString());
            chat.say("error.temporary");
            return;
        }
        if (applications.isEmpty()) {
            chat.say("track.none");
            return;
        }
        StringBuilder text = new StringBuilder(chat.t("track.header"));
        for (IssuerClient.Application a : applications.subList(0, Math.min(applications.size(), 20))) {
            String status = KNOWN_STATUSES.contains(a.status()) ? a.status() : "OTHER";
            text.append('\n').append(chat.t("track.item", menus.serviceName(a.serviceCode(), l),
                    chat.t("status." + status), a.id(), date(a.submittedAt())));
            if (a.rejectionReason() != null) {
                text.append(chat.t("track.rejected", a.rejectionReason()));
            }
            if (a.certificateId() != null) {
                text.append(chat.t("track.certificate", a.certificateId()));
            }
        }
        chat.send(Replies.text(Replies.fit(text.toString(), Replies.TEXT_MAX)));
    }

    public void certificates(Chat chat) {
        Language l = chat.language();
        List<IssuerClient.Certificate> certificates;
        try {
            certificates = records.certificates(chat.citizen());
        } catch (IssuerException | dev.failsafe.FailsafeException e) {
            log.warn("Listing certificates of {} failed: {}", chat.citizen().id(), e.toString());
            chat.say("error.temporary");
            return;
        }
        if (certificates.isEmpty()) {
            chat.say("certs.none");
            return;
        }
        List<Row> rows = certificates.stream().limit(Replies.ROWS_MAX).map(c -> new Row("cert:" + c.id(),
                Replies.fit(menus.serviceName(c.serviceCode(), l), Replies.ROW_TITLE_MAX),
                Replies.fit(c.id() + " · " + date(c.issuedAt()), Replies.ROW_DESCRIPTION_MAX))).toList();
        chat.send(Replies.list(chat.t("certs.body"), chat.t("certs.button"), null, List.of(new Section(null, rows))));
    }

    /** Sends a certificate's PDF again; fetched and uploaded by the sender when its turn comes. */
    public void resend(Chat chat, String certificateId) {
        Language l = chat.language();
        String name = records.certificate(chat.citizen(), certificateId)
                .map(c -> menus.serviceName(c.serviceCode(), l)).orElse(null);
        if (name == null) {
            chat.say("certs.none");
            return;
        }
        chat.say("certs.sending", certificateId);
        chat.send(Replies.issuerDocument(issuer.pdfPath(certificateId), certificateId + ".pdf",
                chat.t("delivery.caption", name, certificateId)));
    }

    private static String date(String instant) {
        return instant == null ? "-" : instant.substring(0, Math.min(10, instant.length()));
    }
}
