package org.pramaan.network.ledger;

import com.google.protobuf.ByteString;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;

/**
 * Fabric's five block metadata slots (common/common.proto BlockMetadataIndex), of which the
 * development peer fills TRANSACTIONS_FILTER: one validation code byte per transaction (internal/pkg/txflags).
 */
public final class BlockMetadataSlots {

    private static final int SLOTS = 5;

    private BlockMetadataSlots() {
    }

    public static BlockMetadata withFilter(byte[] filter) {
        BlockMetadata.Builder metadata = BlockMetadata.newBuilder();
        for (int i = 0; i < SLOTS; i++) {
            metadata.addMetadata(i == BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE ? ByteString.copyFrom(filter) : ByteString.EMPTY);
        }
        return metadata.build();
    }
}
