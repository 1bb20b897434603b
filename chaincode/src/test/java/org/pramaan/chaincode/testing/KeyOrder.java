package org.pramaan.chaincode.testing;

import java.util.Comparator;

/**
 * Fabric compares state keys as UTF-8 bytes; Java compares strings as UTF-16 units, which differ
 * above U+FFFF (where composite-key range ends live). Comparing code points matches UTF-8 order.
 */
final class KeyOrder {

    static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    private static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
