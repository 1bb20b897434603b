package org.pramaan.verifier.verification;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The block and transaction that anchored each certificate, learnt from {@code CertificateIssued}
 * events. The contract's history query gives the transaction id and time but not the block number;
 * the event carries both, so the verifier keeps them.
 */
@Repository
public class AnchorBlocks {

    private final JdbcTemplate jdbc;

    public AnchorBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(List<String> certificateIds, String transactionId, long blockNumber) {
        jdbc.batchUpdate("INSERT INTO verifier.anchor (certificate_id, transaction_id, block_number) VALUES (?, ?, ?)"
                        + " ON CONFLICT (certificate_id) DO NOTHING",
                certificateIds.stream().map(id -> new Object[] {id, transactionId, blockNumber}).toList());
    }

    /** The transaction and block that anchored a certificate, as its {@code CertificateIssued} event said. */
    public record Anchor(String transactionId, long blockNumber) {
    }

    public Optional<Anchor> of(String certificateId) {
        return jdbc.query("SELECT transaction_id, block_number FROM verifier.anchor WHERE certificate_id = ?",
                (row, n) -> new Anchor(row.getString(1), row.getLong(2)), certificateId).stream().findFirst();
    }
}
