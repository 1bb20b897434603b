package org.pramaan.issuer.pdf;

import org.pramaan.credential.Language;

/**
 * The certificate's own printed words (not the department's), in one language. The catalog supplies
 * titles and field labels; these few are the same on every certificate. {@code signedBy} is a format:
 * {@code %1$s} the department's name, {@code %2$s} the verifier's address, {@code %3$s} the signing date.
 */
record Labels(String holder, String certificateId, String issuedOn, String validUntil, String doesNotExpire,
              String scanToVerify, String signedBy, String issuingOfficer) {

    static final Labels ENGLISH = new Labels(
            "Name of the holder",
            "Certificate number",
            "Date of issue",
            "Valid until",
            "Does not expire",
            "Scan this QR code to verify this certificate",
            "Digitally signed by %1$s on %3$s. A PDF reader shows the signature; you can also scan the QR code,"
                    + " or upload this file at %2$s.",
            "Issuing officer");

    static final Labels TELUGU = new Labels(
            "పేరు",
            "ధృవపత్రం సంఖ్య",
            "జారీ చేసిన తేదీ",
            "చెల్లుబాటు గడువు",
            "గడువు లేదు",
            "ఈ ధృవపత్రాన్ని ధృవీకరించడానికి ఈ QR కోడ్‌ను స్కాన్ చేయండి",
            "%1$s %3$s న డిజిటల్ సంతకం చేసింది. PDF రీడర్‌లో సంతకం కనిపిస్తుంది; QR కోడ్‌ను స్కాన్ చేయవచ్చు,"
                    + " లేదా ఈ ఫైల్‌ను %2$s లో అప్‌లోడ్ చేయవచ్చు.",
            "జారీ చేసిన అధికారి");

    static final Labels HINDI = new Labels(
            "धारक का नाम",
            "प्रमाणपत्र संख्या",
            "जारी करने की तिथि",
            "वैधता समाप्ति तिथि",
            "समाप्त नहीं होता",
            "इस प्रमाणपत्र के सत्यापन के लिए यह QR कोड स्कैन करें",
            "%1$s द्वारा %3$s को डिजिटल हस्ताक्षरित। PDF रीडर में हस्ताक्षर दिखता है; आप QR कोड स्कैन कर सकते हैं,"
                    + " या यह फ़ाइल %2$s पर अपलोड कर सकते हैं।",
            "जारी करने वाले अधिकारी");

    static Labels of(Language language) {
        return switch (language) {
            case TE -> TELUGU;
            case HI -> HINDI;
            case EN -> ENGLISH;
        };
    }
}
