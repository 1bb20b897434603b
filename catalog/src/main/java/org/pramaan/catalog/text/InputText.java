package org.pramaan.catalog.text;

/**
 * Text arriving from outside (API bodies, chat answers, form posts) may not carry control characters: PostgreSQL
 * refuses NUL in text (a 500 whose error quoted the applicant's values), and the others have no business in a
 * name, an address, a reference or a reason. Tab, line feed and carriage return are whitespace in free text.
 */
public final class InputText {

    private InputText() {
    }

    /** Whether {@code text} holds a C0/C1 control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacters(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text}, an identifier or a single-line value, holds any control character at all. */
    public static boolean hasAnyControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
