package org.pramaan.bridge.conversation;

import java.time.Instant;
import org.pramaan.bridge.issuer.IssuerClient.Certificate;

/**
 * Where a certificate stands now, as the ledger was told by its department: what the chat must say before it
 * lists, tracks or re-sends one, so that a revoked, replaced, held or expired certificate never looks good.
 */
public record CertificateStanding(Kind kind, String code, String replacedBy, String validUntil) {

    /** PENDING: signed but not yet on the ledger (the issuer's status ISSUED), so a check says NOT_ANCHORED. */
    public enum Kind { VALID, REVOKED, SUPERSEDED, ON_HOLD, EXPIRED, PENDING }

    public static CertificateStanding of(Certificate c, Instant now) {
        if (c.replacedBy() != null || "SUPERSEDED".equals(c.revocationCode())) {
            return new CertificateStanding(Kind.SUPERSEDED, "SUPERSEDED", c.replacedBy(), c.validUntil());
        }
        if ("REVOKED".equals(c.status())) {
            String code = c.revocationCode() == null ? "OTHER" : c.revocationCode();
            return new CertificateStanding(Kind.REVOKED, code, null, c.validUntil());
        }
        if (c.holdCode() != null) {
            return new CertificateStanding(Kind.ON_HOLD, c.holdCode(), null, c.validUntil());
        }
        Instant until = c.validTill();
        if (until != null && !until.isAfter(now)) {
            return new CertificateStanding(Kind.EXPIRED, null, null, c.validUntil());
        }
        if ("ISSUED".equals(c.status())) {
            return new CertificateStanding(Kind.PENDING, null, null, c.validUntil());
        }
        return new CertificateStanding(Kind.VALID, null, null, c.validUntil());
    }

    /** Good to send as it is. */
    public boolean good() {
        return kind == Kind.VALID;
    }

    /** Revoked outright or replaced: its PDF must not be sent as a certificate. */
    public boolean withdrawn() {
        return kind == Kind.REVOKED || kind == Kind.SUPERSEDED;
    }

    /** One short phrase in the citizen's language, e.g. "Revoked: it was issued in error". */
    public String describe(Chat chat) {
        return switch (kind) {
            case VALID -> chat.t("standing.VALID");
            case REVOKED -> chat.t("standing.REVOKED", reason(chat, "revocation.reason.", code));
            case SUPERSEDED -> replacedBy == null ? chat.t("standing.SUPERSEDED.unnamed")
                    : chat.t("standing.SUPERSEDED", replacedBy);
            case ON_HOLD -> chat.t("standing.ON_HOLD", reason(chat, "hold.reason.", code));
            case EXPIRED -> chat.t("standing.EXPIRED", RecordsFlow.date(validUntil));
            case PENDING -> chat.t("standing.PENDING");
        };
    }

    /** The code's words; a code newer than this bridge still gets a sentence, never the raw code. */
    private static String reason(Chat chat, String prefix, String code) {
        try {
            return chat.t(prefix + code);
        } catch (java.util.MissingResourceException e) {
            return chat.t(prefix + (prefix.startsWith("hold") ? "UNDER_SCRUTINY" : "OTHER"));
        }
    }
}
