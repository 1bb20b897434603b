package org.pramaan.network.msp;

import java.util.Locale;
import java.util.Optional;

/** Fabric's NodeOUs: the organisational unit that says what a certificate's holder may do (msp/mspimpl.go). */
public enum NodeRole {
    CLIENT, PEER, ADMIN, ORDERER;

    static Optional<NodeRole> ofUnit(String unit) {
        for (NodeRole role : values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(unit)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
