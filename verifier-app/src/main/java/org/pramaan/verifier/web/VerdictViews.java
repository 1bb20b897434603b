package org.pramaan.verifier.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.chaincode.issuer.IssuerRecord;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.Language;
import org.pramaan.credential.VerificationStatus;
import org.pramaan.verifier.verification.LedgerEvidence;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a {@link Verdict} into what the API and the page show, in the reader's language. */
@Component
public class VerdictViews {

    private final MessageSource messages;

    public VerdictViews(MessageSource messages) {
        this.messages = messages;
    }

    public VerifyResponse response(Verdict verdict, Language language) {
        return new VerifyResponse(verdict.status().name(), message(verdict, language), verdict.reason(),
                showsCertificate(verdict) ? verdict.claims().map(VerdictViews::certificate).orElse(null) : null,
                verdict.department().map(VerdictViews::department).orElse(null),
                verdict.ledger().map(VerdictViews::ledger).orElse(null), null);
    }

    public String message(Verdict verdict, Language language) {
        return messages.getMessage(verdict.messageKey(), null, verdict.messageKey(), Languages.locale(language));
    }

    /** A tampered certificate's contents are not what the department anchored: never show them as facts. */
    static boolean showsCertificate(Verdict verdict) {
        return verdict.status() != VerificationStatus.TAMPERED && verdict.status() != VerificationStatus.MALFORMED;
    }

    private static VerifyResponse.CertificateView certificate(CertificateClaims c) {
        return new VerifyResponse.CertificateView(c.certificateId().toString(), c.body().type(), c.body().holderName(),
                c.issuer().value(), c.issuedAt(), c.expiresAt(), c.body().language().code(), c.body().fields());
    }

    private static VerifyResponse.DepartmentView department(IssuerRecord d) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", d.names().en());
        names.put("te", d.names().te());
        names.put("hi", d.names().hi());
        return new VerifyResponse.DepartmentView(d.department().value(), names);
    }

    private static VerifyResponse.LedgerView ledger(LedgerEvidence l) {
        return new VerifyResponse.LedgerView(l.transactionId(), l.blockNumber(), l.anchoredAt(), l.revokedAt(),
                l.revocationReason(), l.checkedAt(), l.fresh());
    }
}
