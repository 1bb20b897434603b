package org.pramaan.verifier.catalog;

/**
 * One certificate field as a reader sees it: its key in the credential, its label in the reader's
 * language (the key itself when the catalog does not know it) and its value, an enum value shown by
 * its option label.
 */
public record LabelledField(String key, String label, String value) {
}
