package org.pramaan.issuer.application;

import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.catalog.Localized;

/** Why a field was refused, in the three languages the citizen may be chatting in. */
final class Reasons {

    private static final Map<String, Localized> TEXTS = Map.ofEntries(
            Map.entry("REQUIRED", new Localized("This field is required.", "ఈ వివరం తప్పనిసరి.", "यह जानकारी आवश्यक है।")),
            Map.entry("TOO_SHORT", new Localized("This is too short.", "ఇది చాలా చిన్నదిగా ఉంది.", "यह बहुत छोटा है।")),
            Map.entry("TOO_LONG", new Localized("This is too long.", "ఇది చాలా పొడవుగా ఉంది.", "यह बहुत लंबा है।")),
            Map.entry("NOT_A_NUMBER", new Localized("Please enter a number using digits only.",
                    "దయచేసి అంకెలతో మాత్రమే సంఖ్యను నమోదు చేయండి.", "कृपया केवल अंकों में संख्या लिखें।")),
            Map.entry("BELOW_MIN", new Localized("This number is too small.", "ఈ సంఖ్య చాలా తక్కువగా ఉంది.",
                    "यह संख्या बहुत कम है।")),
            Map.entry("ABOVE_MAX", new Localized("This number is too large.", "ఈ సంఖ్య చాలా ఎక్కువగా ఉంది.",
                    "यह संख्या बहुत अधिक है।")),
            Map.entry("NOT_A_DATE", new Localized("Please enter a date as YYYY-MM-DD, e.g. 1990-08-15.",
                    "దయచేసి తేదీని YYYY-MM-DD రూపంలో నమోదు చేయండి, ఉదా. 1990-08-15.",
                    "कृपया तारीख YYYY-MM-DD रूप में लिखें, जैसे 1990-08-15।")),
            Map.entry("IN_FUTURE", new Localized("This date cannot be in the future.", "ఈ తేదీ భవిష్యత్తులో ఉండకూడదు.",
                    "यह तारीख भविष्य की नहीं हो सकती।")),
            Map.entry("NOT_A_YEAR", new Localized("Please enter a four-digit year.", "దయచేసి నాలుగు అంకెల సంవత్సరం నమోదు చేయండి.",
                    "कृपया चार अंकों का वर्ष लिखें।")),
            Map.entry("BAD_PIN", new Localized("A PIN code has 6 digits and does not start with 0.",
                    "పిన్ కోడ్‌లో 6 అంకెలు ఉంటాయి, 0తో మొదలవదు.", "पिन कोड 6 अंकों का होता है और 0 से शुरू नहीं होता।")),
            Map.entry("BAD_AADHAAR", new Localized("This is not a valid Aadhaar number (12 digits).",
                    "ఇది సరైన ఆధార్ నంబర్ కాదు (12 అంకెలు).", "यह मान्य आधार संख्या नहीं है (12 अंक)।")),
            Map.entry("AADHAAR_FIRST_DIGIT", new Localized("An Aadhaar number never starts with 0 or 1.",
                    "ఆధార్ నంబర్ 0 లేదా 1తో మొదలవదు.", "आधार संख्या 0 या 1 से शुरू नहीं होती।")),
            Map.entry("AADHAAR_CHECK_DIGIT", new Localized(
                    "This Aadhaar number has a mistyped or swapped digit; please check it.",
                    "ఈ ఆధార్ నంబర్‌లో ఒక అంకె తప్పుగా లేదా తారుమారుగా ఉంది; దయచేసి సరిచూడండి.",
                    "इस आधार संख्या में कोई अंक गलत या आगे-पीछे है; कृपया जाँचें।")),
            Map.entry("BAD_PHONE", new Localized("A mobile number has 10 digits and starts with 6, 7, 8 or 9.",
                    "మొబైల్ నంబర్‌లో 10 అంకెలు ఉంటాయి, 6, 7, 8 లేదా 9తో మొదలవుతుంది.",
                    "मोबाइल नंबर 10 अंकों का होता है और 6, 7, 8 या 9 से शुरू होता है।")),
            Map.entry("NOT_AN_OPTION", new Localized("Please choose one of the offered options.",
                    "దయచేసి ఇచ్చిన ఎంపికలలో ఒకదాన్ని ఎంచుకోండి.", "कृपया दिए गए विकल्पों में से एक चुनें।")),
            Map.entry("BAD_FORMAT", new Localized("This is not in the expected format.", "ఇది సరైన రూపంలో లేదు.",
                    "यह अपेक्षित रूप में नहीं है।")),
            Map.entry("BAD_NAME", new Localized("A name may contain letters, spaces, dots and hyphens only.",
                    "పేరులో అక్షరాలు, ఖాళీలు, చుక్కలు, హైఫన్‌లు మాత్రమే ఉండాలి.",
                    "नाम में केवल अक्षर, रिक्त स्थान, बिंदु और हाइफ़न हो सकते हैं।")),
            Map.entry("CONTROL_CHARACTERS", new Localized("This contains control characters; please type it again.",
                    "ఇందులో నియంత్రణ అక్షరాలు ఉన్నాయి; దయచేసి మళ్లీ టైప్ చేయండి.",
                    "इसमें नियंत्रण वर्ण हैं; कृपया फिर से लिखें।")),
            Map.entry("BAD_CHARACTERS", new Localized(
                    "Please use only Telugu, Hindi or English letters, digits, spaces and . , - ' / ( ) # & :",
                    "దయచేసి తెలుగు, హిందీ లేదా ఇంగ్లీష్ అక్షరాలు, అంకెలు, ఖాళీలు మరియు . , - ' / ( ) # & : మాత్రమే వాడండి.",
                    "कृपया केवल तेलुगु, हिंदी या अंग्रेज़ी अक्षर, अंक, रिक्त स्थान और . , - ' / ( ) # & : का प्रयोग करें।")),
            Map.entry("BIDI_CONTROLS", new Localized(
                    "This contains hidden text-direction characters, which a certificate cannot hold. Please type it again.",
                    "ఇందులో కనిపించని దిశ-మార్పు అక్షరాలు ఉన్నాయి, అవి ధ్రువీకరణ పత్రంలో ఉండకూడదు. దయచేసి మళ్లీ టైప్ చేయండి.",
                    "इसमें छिपे हुए दिशा-बदलने वाले वर्ण हैं, जो प्रमाण पत्र में नहीं हो सकते। कृपया फिर से लिखें।")),
            Map.entry("UNKNOWN_FIELD", new Localized("This form has no such field.", "ఈ ఫారంలో అలాంటి వివరం లేదు.",
                    "इस फ़ॉर्म में ऐसी कोई जानकारी नहीं है।")));

    private Reasons() {
    }

    static FieldProblem problem(String field, String code, Language language) {
        Localized text = TEXTS.get(code);
        if (text == null) {
            throw new IllegalArgumentException("no reason text for " + code);
        }
        return new FieldProblem(field, code, text.in(language));
    }
}
