package org.pramaan.bridge.conversation;

import org.pramaan.catalog.reason.ReasonTexts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        Map<String, IssuerClient.Certificate> certificates = certificatesOf(chat, applications);
        StringBuilder text = new StringBuilder(chat.t("track.header"));
        for (IssuerClient.Application a : applications.subList(0, Math.min(applications.size(), 20))) {
            String status = KNOWN_STATUSES.contains(a.status()) ? a.status() : "OTHER";
            text.append('\n').append(chat.t("track.item", menus.serviceName(a.serviceCode(), l),
                    chat.t("status." + status), a.shownNumber(), date(a.submittedAt())));
            if (a.rejectionCode() != null) {
                // The code in the citizen's language (catalog's ReasonTexts), the officer's note after it.
                String worded = ReasonTexts.rejection(a.rejectionCode()).in(l);
                text.append(chat.t("track.rejected", a.rejectionReason() == null ? worded
                        : worded + " (" + a.rejectionReason() + ")"));
            } else if (a.rejectionReason() != null) {
                text.append(chat.t("track.rejected", a.rejectionReason()));
            }
            if (a.certificateId() != null) {
                text.append(chat.t("track.certificate", a.certificateId()));
                IssuerClient.Certificate c = certificates.get(a.certificateId());
                CertificateStanding standing = c == null ? null : CertificateStanding.of(c, chat.now());
                if (standing != null && !standing.good()) {
                    text.append(chat.t("track.standing", standing.describe(chat)));
                }
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
                Replies.fit(label(chat, c) + c.id() + " · " + date(c.issuedAt()), Replies.ROW_DESCRIPTION_MAX)))
                .toList();
        chat.send(Replies.list(chat.t("certs.body"), chat.t("certs.button"), null, List.of(new Section(null, rows))));
    }

    /**
     * Sends a certificate's PDF again (fetched and uploaded by the sender when its turn comes), unless the
     * department revoked or replaced it: then the citizen is told why, and gets the replacement when it is theirs.
     * A held or expired certificate goes with a warning, since the citizen may still need the paper.
     */
    public void resend(Chat chat, String certificateId) {
        List<IssuerClient.Certificate> mine;
        try {
            mine = records.certificates(chat.citizen());
        } catch (IssuerException | dev.failsafe.FailsafeException e) {
            log.warn("Re-sending a certificate to {} failed: {}", chat.citizen().id(), e.toString());
            chat.say("error.temporary");
            return;
        }
        Optional<IssuerClient.Certificate> chosen = find(mine, certificateId);
        if (chosen.isEmpty()) {
            chat.say("certs.none");
            return;
        }
        IssuerClient.Certificate c = chosen.get();
        CertificateStanding standing = CertificateStanding.of(c, chat.now());
        String name = menus.serviceName(c.serviceCode(), chat.language());
        if (standing.withdrawn()) {
            chat.say("certs.withdrawn", name, c.id(), standing.describe(chat));
            Optional<IssuerClient.Certificate> replacement = find(mine, standing.replacedBy());
            if (replacement.isPresent() && CertificateStanding.of(replacement.get(), chat.now()).good()) {
                chat.say("certs.replacement", replacement.get().id());
                sendPdf(chat, replacement.get(), null);
            }
            return;
        }
        chat.say("certs.sending", c.id());
        sendPdf(chat, c, standing.good() ? null : chat.t("certs.warning", standing.describe(chat)));
    }

    private void sendPdf(Chat chat, IssuerClient.Certificate c, String warning) {
        String caption = chat.t("delivery.caption", menus.serviceName(c.serviceCode(), chat.language()), c.id());
        if (warning != null) {
            caption = warning + "\n\n" + caption;
        }
        chat.send(Replies.issuerDocument(issuer.pdfPath(c.id()), c.id() + ".pdf", caption));
    }

    private static Optional<IssuerClient.Certificate> find(List<IssuerClient.Certificate> mine, String id) {
        return id == null ? Optional.empty() : mine.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The short mark a list row starts with when the certificate is not good, e.g. "REVOKED · ". */
    private static String label(Chat chat, IssuerClient.Certificate c) {
        CertificateStanding standing = CertificateStanding.of(c, chat.now());
        return standing.good() ? "" : "⚠ " + chat.t("label." + standing.kind().name()) + " · ";
    }

    /** The citizen's certificates by id when some application has one; empty when the issuer cannot say now. */
    private Map<String, IssuerClient.Certificate> certificatesOf(Chat chat, List<IssuerClient.Application> applications) {
        if (applications.stream().noneMatch(a -> a.certificateId() != null)) {
            return Map.of();
        }
        try {
            Map<String, IssuerClient.Certificate> byId = new HashMap<>();
            records.certificates(chat.citizen()).forEach(c -> byId.put(c.id(), c));
            return byId;
        } catch (IssuerException | dev.failsafe.FailsafeException e) {
            log.warn("Certificate standing for {} unavailable: {}", chat.citizen().id(), e.toString());
            return Map.of();
        }
    }

    static String date(String instant) {
        return CitizenDates.show(instant);
    }
}
