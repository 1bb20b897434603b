package org.pramaan.verifier.verification;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.id.CertificateId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The block and transaction that anchored each certificate, learnt from {@code CertificateIssued}
 * events. The contract's history query gives the transaction id and time but not the block number;
 * the event carries both, so the verifier keeps them. Events of the current contract also carry each
 * record's claims hash, end of validity and anchoring time: with them a row is the cold path's copy of
 * the record ({@link LedgerProjection}).
 */
@Repository
public class AnchorBlocks {

    private final JdbcTemplate jdbc;

    public AnchorBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records what one {@code CertificateIssued} event says. A replay changes nothing, except that a row an older
     * event left without the record's fields gets them.
     */
    public void record(CertificateEvents.Issued issued, String transactionId, long blockNumber) {
        Map<CertificateId, CertificateEvents.Anchored> details = new HashMap<>();
        issued.certificates().forEach(anchored -> details.put(anchored.id(), anchored));
        String anchoredAt = issued.issuedAt() == null ? null : issued.issuedAt().toString();
        jdbc.batchUpdate("INSERT INTO verifier.anchor AS a (certificate_id, transaction_id, block_number, claims_hash,"
                        + " valid_until, anchored_at) VALUES (?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (certificate_id) DO UPDATE SET claims_hash = EXCLUDED.claims_hash,"
                        + " valid_until = EXCLUDED.valid_until, anchored_at = EXCLUDED.anchored_at"
                        + " WHERE a.claims_hash IS NULL AND EXCLUDED.claims_hash IS NOT NULL",
                issued.ids().stream().map(id -> {
                    CertificateEvents.Anchored anchored = anchoredAt == null ? null : details.get(id);
                    return new Object[] {id.value(), transactionId, blockNumber,
                            anchored == null ? null : anchored.claimsHash().value(),
                            anchored == null ? null : anchored.validUntil().toString(),
                            anchored == null ? null : anchoredAt};
                }).toList());
    }

    /** The transaction and block that anchored a certificate, as its {@code CertificateIssued} event said. */
    public record Anchor(String transactionId, long blockNumber) {
    }

    public Optional<Anchor> of(String certificateId) {
        return jdbc.query("SELECT transaction_id, block_number FROM verifier.anchor WHERE certificate_id = ?",
                (row, n) -> new Anchor(row.getString(1), row.getLong(2)), certificateId).stream().findFirst();
    }
}
