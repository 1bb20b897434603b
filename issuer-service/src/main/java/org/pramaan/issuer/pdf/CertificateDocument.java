package org.pramaan.issuer.pdf;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.pramaan.credential.Language;

/**
 * Everything printed on one certificate, already localised: the renderer decides layout only.
 *
 * @param language       the citizen's language, printed beside English (EN: English only)
 * @param department     department name in English and in the citizen's language
 * @param title          certificate title, e.g. "Income Certificate", in both languages
 * @param holderName     the holder's name exactly as certified
 * @param fields         the certified fields in form order
 * @param certificateId  the printed certificate id
 * @param issuedOn       issue date (India Standard Time)
 * @param validUntil     expiry date, or null when the certificate does not expire
 * @param qrText         the credential URL the QR code carries
 * @param credential     the COSE_Sign1 bytes, embedded in the PDF as a file for the verifier
 */
public record CertificateDocument(Language language, Bilingual department, Bilingual title, String holderName,
                                  List<Field> fields, String certificateId, LocalDate issuedOn, LocalDate validUntil,
                                  String qrText, byte[] credential) {

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
