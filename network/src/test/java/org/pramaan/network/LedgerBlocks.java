package org.pramaan.network;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Reads the stored Block protos back, as a block listener would see them. */
final class LedgerBlocks {

    private LedgerBlocks() {
    }

    /** The validation code of every copy of {@code txId} in the chain, in chain order (TRANSACTIONS_FILTER). */
    static List<TxValidationCode> codesOf(DataSource dataSource, String txId) throws Exception {
        List<TxValidationCode> codes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT block_bytes FROM devpeer.block ORDER BY block_number");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Block block = Block.parseFrom(row.getBytes(1));
                byte[] filter = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
                for (int i = 0; i < block.getData().getDataCount(); i++) {
                    Payload payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
                    if (ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).getTxId().equals(txId)) {
                        codes.add(TxValidationCode.forNumber(filter[i]));
                    }
                }
            }
        }
        return codes;
    }
}
