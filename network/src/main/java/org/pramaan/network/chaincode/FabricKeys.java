package org.pramaan.network.chaincode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Fabric orders keys by their UTF-8 bytes (Go string comparison), which differs from
 * {@link String#compareTo} for characters outside the BMP, such as the U+10FFFF that ends a
 * partial composite key range (S/shim/ledger/CompositeKey.java).
 */
public final class FabricKeys {

    /** Key order of Fabric's state database and of its read-write sets. */
    public static final Comparator<String> ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private FabricKeys() {
    }
}
