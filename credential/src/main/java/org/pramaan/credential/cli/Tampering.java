package org.pramaan.credential.cli;

/** What a forger tries first: change one character of the payload. */
final class Tampering {

    private Tampering() {
    }

    static String changeOneCharacter(String url) {
        int at = url.length() - 10;
        char original = url.charAt(at);
        char replacement = original == 'A' ? 'B' : 'A';
        return url.substring(0, at) + replacement + url.substring(at + 1);
    }
}
