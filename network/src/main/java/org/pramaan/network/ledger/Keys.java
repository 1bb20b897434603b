package org.pramaan.network.ledger;

import java.nio.charset.StandardCharsets;

/** Fabric keys are strings compared by their UTF-8 bytes; stored as bytea they sort the same way. */
final class Keys {

    private Keys() {
    }

    static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
