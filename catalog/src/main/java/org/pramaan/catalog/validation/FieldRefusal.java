package org.pramaan.catalog.validation;

/**
 * Why a form field's value was refused: the stable code issuer-service's API returns for the field, and the code
 * the bridge turns into its message in the citizen's language. Adding one is an API change (issuer-service README).
 */
public enum FieldRefusal {
    /** Empty, and the form requires it. */
    REQUIRED,
    /** The form has no field with this key (the issuer's check of a whole submission). */
    UNKNOWN_FIELD,
    CONTROL_CHARACTERS,
    /** Bidirectional overrides, isolates or marks: never printed or signed. */
    BIDI_CONTROLS,
    /** A character a certificate may not hold (see {@code CertificateText}). */
    BAD_CHARACTERS,
    /** A name starts with a letter and holds letters, marks, spaces, dots, apostrophes and hyphens only. */
    BAD_NAME,
    NOT_A_NUMBER,
    BELOW_MIN,
    ABOVE_MAX,
    NOT_A_DATE,
    IN_FUTURE,
    NOT_A_YEAR,
    BAD_PIN,
    /** Not 12 digits. */
    BAD_AADHAAR,
    /** 12 digits starting with 0 or 1, which UIDAI never issues. */
    AADHAAR_FIRST_DIGIT,
    /** 12 digits whose Verhoeff check digit fails: a digit mistyped or two swapped. */
    AADHAAR_CHECK_DIGIT,
    BAD_PHONE,
    NOT_AN_OPTION,
    TOO_SHORT,
    TOO_LONG,
    /** The catalog's pattern for the field does not match. */
    BAD_FORMAT
}
