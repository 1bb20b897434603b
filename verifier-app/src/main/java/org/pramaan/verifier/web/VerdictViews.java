package org.pramaan.verifier.web;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.Language;
import org.pramaan.credential.VerificationStatus;
import org.pramaan.verifier.catalog.CatalogLabels;
import org.pramaan.verifier.catalog.LabelledCertificate;
import org.pramaan.verifier.verification.LedgerEvidence;
import org.pramaan.verifier.verification.PublicReasons;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a {@link Verdict} into what the API and the page show, in the reader's language. */
@Component
public class VerdictViews {

    private final MessageSource messages;
    private final CatalogLabels labels;
    private final Clock clock;

    public VerdictViews(MessageSource messages, CatalogLabels labels, Clock clock) {
        this.messages = messages;
        this.labels = labels;
        this.clock = clock;
    }

    public VerifyResponse response(Verdict verdict, Language language) {
        return new VerifyResponse(verdict.status().name(), message(verdict, language), PublicReasons.scrub(verdict.reason()),
                showsCertificate(verdict) ? verdict.claims().map(c -> certificate(c, language)).orElse(null) : null,
                verdict.department().map(VerdictViews::department).orElse(null),
                verdict.ledger().map(l -> ledger(l, language)).orElse(null), null);
    }

    /** The result page: the API's answer laid out, with the department named even before the ledger knows it. */
    public ResultPage page(Verdict verdict, Language language) {
        VerifyResponse response = response(verdict, language);
        return ResultPage.of(response, language, catalogDepartmentName(verdict, response, language), verdict.messageKey());
    }

    public String message(Verdict verdict, Language language) {
        return messages.getMessage(verdict.messageKey(), verdict.messageArguments().toArray(), verdict.messageKey(),
                Languages.locale(language));
    }

    /** A tampered certificate's contents are not what the department anchored: never show them as facts. */
    static boolean showsCertificate(Verdict verdict) {
        return verdict.status() != VerificationStatus.TAMPERED && verdict.status() != VerificationStatus.MALFORMED;
    }

    /**
     * The ledger's names come first (the state registered them); the catalog's name is used only when
     * the ledger has no record and the signer is a trusted one, so an unknown signer claiming a
     * department is never shown as issued by it.
     */
    private String catalogDepartmentName(Verdict verdict, VerifyResponse response, Language language) {
        if (response.department() != null || response.certificate() == null
                || verdict.status() == VerificationStatus.UNKNOWN_ISSUER) {
            return null;
        }
        return labels.departmentName(response.certificate().department(), language).orElse(null);
    }

    private VerifyResponse.CertificateView certificate(CertificateClaims c, Language language) {
        LabelledCertificate labelled = labels.label(c.issuer().value(), c.body().type(), c.body().fields(), language);
        return new VerifyResponse.CertificateView(c.certificateId().toString(), c.body().type(), c.body().holderName(),
                c.issuer().value(), c.issuedAt(), c.expiresAt(), c.body().language().code(), c.body().fields(),
                labelled.title().orElse(null), labelled.fields());
    }

    private static VerifyResponse.DepartmentView department(IssuerRecord d) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", d.names().en());
        names.put("te", d.names().te());
        names.put("hi", d.names().hi());
        return new VerifyResponse.DepartmentView(d.department().value(), names);
    }

    /** A cached answer carries its age, so a reader can tell "the ledger said so 20 minutes ago". */
    private VerifyResponse.LedgerView ledger(LedgerEvidence l, Language language) {
        Long ageSeconds = l.checkedAt() == null ? null
                : Math.max(0, Duration.between(l.checkedAt(), clock.instant()).toSeconds());
        String code = l.revocationReason() == null ? null : l.revocationReason().name();
        String text = code == null ? null
                : messages.getMessage("revocationReason." + code, null, code, Languages.locale(language));
        return new VerifyResponse.LedgerView(l.transactionId(), l.blockNumber(), l.anchoredAt(), l.revokedAt(),
                code, text, l.checkedAt(), ageSeconds, l.fresh(), l.replacedBy());
    }
}
