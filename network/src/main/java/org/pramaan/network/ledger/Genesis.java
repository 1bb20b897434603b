package org.pramaan.network.ledger;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * Block 0. A Fabric channel starts from a config block made by configtxgen; the development peer's
 * channel configuration is fixed in code, so its genesis block holds one CONFIG envelope naming the
 * channel and nothing else, and anchors the hash chain with an empty previous hash.
 */
public final class Genesis {

    private Genesis() {
    }

    public static CommittedBlock block(String channelId, Instant at) {
        ChannelHeader channelHeader = ChannelHeader.newBuilder().setType(HeaderType.CONFIG_VALUE).setChannelId(channelId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(at.getEpochSecond())).build();
        Envelope config = Envelope.newBuilder().setPayload(Payload.newBuilder()
                .setHeader(Header.newBuilder().setChannelHeader(channelHeader.toByteString()))
                .setData(ByteString.copyFromUtf8("development peer: no consensus, no separate organisations"))
                .build().toByteString()).build();
        BlockData data = BlockData.newBuilder().addData(config.toByteString()).build();
        BlockHeader header = BlockHeader.newBuilder().setNumber(0).setPreviousHash(ByteString.EMPTY)
                .setDataHash(ByteString.copyFrom(BlockHashes.dataHash(data))).build();
        Block block = Block.newBuilder().setHeader(header).setData(data)
                .setMetadata(BlockMetadataSlots.withFilter(new byte[] {0})).build();
        return new CommittedBlock(block, java.util.List.of());
    }
}
