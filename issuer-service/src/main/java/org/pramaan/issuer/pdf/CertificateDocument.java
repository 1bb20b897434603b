package org.pramaan.issuer.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.pramaan.credential.Language;

/**
 * Everything printed on one certificate, already localised: the renderer decides layout only.
 *
 * @param language       the citizen's language; the page is bilingual, English and this language, or for
 *                       English applicants English and Telugu ({@link #headingLanguage()})
 * @param department     department name in English and in the heading language
 * @param title          certificate title, e.g. "Income Certificate", in both languages
 * @param holderName     the holder's name exactly as certified
 * @param fields         the certified fields in form order
 * @param certificateId  the printed certificate id
 * @param issuedOn       issue date (India Standard Time)
 * @param validUntil     expiry date, or null when the certificate does not expire
 * @param qrText         the credential URL the QR code carries
 * @param credential     the COSE_Sign1 bytes, embedded in the PDF as a file for the verifier
 * @param holderLatin    the holder's name in English letters, printed beside a Telugu or Devanagari one
 *                       (the citizen's own spelling, or {@link LatinName}); null when there is none to add
 * @param signatory      the officer who approved it, or null when a department system issued it directly
 */
public record CertificateDocument(Language language, Bilingual department, Bilingual title, String holderName,
                                  List<Field> fields, String certificateId, LocalDate issuedOn, LocalDate validUntil,
                                  String qrText, byte[] credential, String holderLatin, Signatory signatory) {

    /** Without an English spelling of the name or an officer. */
    public CertificateDocument(Language language, Bilingual department, Bilingual title, String holderName,
                               List<Field> fields, String certificateId, LocalDate issuedOn, LocalDate validUntil,
                               String qrText, byte[] credential) {
        this(language, department, title, holderName, fields, certificateId, issuedOn, validUntil, qrText, credential,
                null, null);
    }

    /** The issuing officer as printed: name and designation (e.g. "Tahsildar, Vijayawada Rural"), or name only. */
    public record Signatory(String name, String designation) {
        public Signatory {
            Objects.requireNonNull(name, "name");
        }

        /** "Name, Designation", or the name alone. */
        public String printed() {
            return designation == null || designation.isBlank() ? name : name + ", " + designation;
        }
    }

    /**
     * The language of the second set of headings and labels: the citizen's, or Telugu for English applicants
     * (the state's language), so every certificate is bilingual.
     */
    public Language headingLanguage() {
        return language == Language.EN ? Language.TE : language;
    }

    /** A text in English and in the citizen's language (equal when that is English). */
    public record Bilingual(String english, String local) {
        public Bilingual {
            Objects.requireNonNull(english, "english");
            Objects.requireNonNull(local, "local");
        }
    }

    /** One printed field: its label in both languages and its value as certified. */
    public record Field(Bilingual label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }
    }

    public CertificateDocument {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(qrText, "qrText");
        Objects.requireNonNull(credential, "credential");
        fields = List.copyOf(fields);
        credential = credential.clone();
    }
}
