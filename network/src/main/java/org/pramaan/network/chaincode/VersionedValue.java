package org.pramaan.network.chaincode;

import java.util.Objects;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;

/** A committed key, its value and the version (block, transaction in block) that wrote it. */
public record VersionedValue(String key, byte[] value, Version version) {

    public VersionedValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
    }
}
