package org.pramaan.issuer.pdf;

import org.pramaan.credential.Language;

/**
 * The certificate's own printed words (not the department's), in one language. The catalog supplies
 * titles and field labels; these few are the same on every certificate.
 */
record Labels(String holder, String certificateId, String issuedOn, String validUntil, String doesNotExpire,
              String scanToVerify) {

    static final Labels ENGLISH = new Labels(
            "Name of the holder",
            "Certificate number",
            "Date of issue",
            "Valid until",
            "Does not expire",
            "Scan this QR code to verify this certificate");

    static final Labels TELUGU = new Labels(
            "పేరు",
            "ధృవపత్రం సంఖ్య",
            "జారీ చేసిన తేదీ",
            "చెల్లుబాటు గడువు",
            "గడువు లేదు",
            "ఈ ధృవపత్రాన్ని ధృవీకరించడానికి ఈ QR కోడ్‌ను స్కాన్ చేయండి");

    static final Labels HINDI = new Labels(
            "धारक का नाम",
            "प्रमाणपत्र संख्या",
            "जारी करने की तिथि",
            "वैधता समाप्ति तिथि",
            "समाप्त नहीं होता",
            "इस प्रमाणपत्र के सत्यापन के लिए यह QR कोड स्कैन करें");

    static Labels of(Language language) {
        return switch (language) {
            case TE -> TELUGU;
            case HI -> HINDI;
            case EN -> ENGLISH;
        };
    }
}
