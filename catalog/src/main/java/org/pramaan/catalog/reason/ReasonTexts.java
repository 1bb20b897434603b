package org.pramaan.catalog.reason;

import java.util.EnumMap;
import java.util.Map;
import org.pramaan.catalog.Localized;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;

/**
 * The meaning of every decision code a person reads (rejections, revocations, holds) in Telugu, English and Hindi:
 * one table for the issuer's console and the citizen's chat. Revocation and hold codes are the ledger's own.
 */
public final class ReasonTexts {

    private static final Map<RejectionCode, Localized> REJECTIONS = new EnumMap<>(Map.of(
            RejectionCode.DOCUMENTS_MISSING, new Localized("Required documents are missing",
                    "అవసరమైన పత్రాలు జత చేయలేదు", "आवश्यक दस्तावेज़ संलग्न नहीं हैं"),
            RejectionCode.DETAILS_INCORRECT, new Localized("Details in the application are incorrect",
                    "దరఖాస్తులోని వివరాలు సరిగా లేవు", "आवेदन में दिए विवरण सही नहीं हैं"),
            RejectionCode.NOT_ELIGIBLE, new Localized("The applicant is not eligible for this certificate",
                    "దరఖాస్తుదారు ఈ ధృవీకరణ పత్రానికి అర్హులు కారు", "आवेदक इस प्रमाण पत्र के लिए पात्र नहीं हैं"),
            RejectionCode.DUPLICATE_APPLICATION, new Localized("An application for this is already being processed",
                    "దీనికి సంబంధించిన దరఖాస్తు ఇప్పటికే పరిశీలనలో ఉంది", "इसके लिए एक आवेदन पहले से विचाराधीन है"),
            RejectionCode.WRONG_OFFICE, new Localized("This office cannot issue it: please apply to the right office",
                    "ఈ కార్యాలయం దీనిని జారీ చేయదు: సరైన కార్యాలయానికి దరఖాస్తు చేయండి",
                    "यह कार्यालय इसे जारी नहीं कर सकता: कृपया सही कार्यालय में आवेदन करें"),
            RejectionCode.OTHER, new Localized("The department could not approve it",
                    "శాఖ దీనిని ఆమోదించలేకపోయింది", "विभाग इसे स्वीकृत नहीं कर सका")));

    private static final Map<ReasonCode, Localized> REVOCATIONS = new EnumMap<>(Map.of(
            ReasonCode.ISSUED_IN_ERROR, new Localized("Issued in error", "పొరపాటున జారీ చేయబడింది",
                    "गलती से जारी किया गया"),
            ReasonCode.FRAUD, new Localized("Obtained by fraud or with false documents",
                    "మోసం లేదా తప్పుడు పత్రాలతో పొందబడింది", "धोखाधड़ी या झूठे दस्तावेज़ों से प्राप्त किया गया"),
            ReasonCode.SUPERSEDED, new Localized("Replaced by a newer certificate", "కొత్త పత్రంతో భర్తీ చేయబడింది",
                    "नए प्रमाण पत्र से बदला गया"),
            ReasonCode.DATA_CORRECTED, new Localized("Details on it were corrected in a new certificate",
                    "వివరాలు సరిదిద్ది కొత్త పత్రం ఇవ్వబడింది", "विवरण सुधार कर नया प्रमाण पत्र दिया गया"),
            ReasonCode.COURT_ORDER, new Localized("By order of a court", "న్యాయస్థానం ఆదేశం మేరకు",
                    "न्यायालय के आदेश से"),
            ReasonCode.OTHER, new Localized("Withdrawn by the department", "శాఖ ఉపసంహరించుకుంది",
                    "विभाग द्वारा वापस लिया गया")));

    private static final Map<HoldCode, Localized> HOLDS = new EnumMap<>(Map.of(
            HoldCode.UNDER_SCRUTINY, new Localized("The department is reviewing it", "శాఖ దీనిని పరిశీలిస్తోంది",
                    "विभाग इसकी समीक्षा कर रहा है"),
            HoldCode.DOCUMENTS_VERIFICATION, new Localized("The department is verifying the documents behind it",
                    "శాఖ దీనికి సంబంధించిన పత్రాలను ధృవీకరిస్తోంది", "विभाग इसके दस्तावेज़ों का सत्यापन कर रहा है")));

    private ReasonTexts() {
    }

    public static Localized rejection(RejectionCode code) {
        return REJECTIONS.get(code);
    }

    public static Localized revocation(ReasonCode code) {
        return REVOCATIONS.get(code);
    }

    public static Localized hold(HoldCode code) {
        return HOLDS.get(code);
    }

    /** A rejection code's text; OTHER's for a code this reader does not know (a newer issuer's). */
    public static Localized rejection(String code) {
        try {
            return rejection(RejectionCode.parse(code));
        } catch (IllegalArgumentException e) {
            return rejection(RejectionCode.OTHER);
        }
    }

    /** A hold code's text; UNDER_SCRUTINY's for a code this reader does not know. */
    public static Localized hold(String code) {
        for (HoldCode c : HoldCode.values()) {
            if (c.name().equals(code)) {
                return hold(c);
            }
        }
        return hold(HoldCode.UNDER_SCRUTINY);
    }

    /** A revocation code's text; OTHER's for a code this reader does not know. */
    public static Localized revocation(String code) {
        for (ReasonCode c : ReasonCode.values()) {
            if (c.name().equals(code)) {
                return revocation(c);
            }
        }
        return revocation(ReasonCode.OTHER);
    }
}
