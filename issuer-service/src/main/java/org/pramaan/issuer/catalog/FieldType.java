package org.pramaan.issuer.catalog;

/** The kinds of form field the catalog may declare; each has its own validation. */
public enum FieldType {
    TEXT, NAME, NUMBER, MONEY, DATE, YEAR, PIN, AADHAAR, PHONE, ENUM, VILLAGE, DISTRICT
}
