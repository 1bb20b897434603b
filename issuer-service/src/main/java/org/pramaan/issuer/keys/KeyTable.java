package org.pramaan.issuer.keys;

import java.time.Instant;
import java.util.List;

/** Signer keys as a fixed-width table, one line per key: what {@code ./pramaan keys list} prints. */
final class KeyTable {

    private static final String FORMAT = "%-6s %-16s %-14s %-20s %-20s %-20s %8s%n";

    private KeyTable() {
    }

    static String of(List<KeyView> keys) {
        StringBuilder table = new StringBuilder(String.format(FORMAT, "DEPT", "KID", "STATUS", "VALID FROM",
                "VALID UNTIL", "REVOKED FROM", "SIGNED"));
        for (KeyView key : keys) {
            table.append(String.format(FORMAT, key.department(), key.kid(),
                    key.status() + (key.signing() ? " *" : ""), second(key.validFrom()), second(key.validUntil()),
                    key.revokedFrom() == null ? "-" : second(key.revokedFrom()), key.certificatesSigned()));
        }
        table.append("* = the key issuer-service signs with now\n");
        return table.toString();
    }

    private static String second(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
