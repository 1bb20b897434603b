package org.pramaan.verifier.verification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's answer from the verifier's own copy of it (tables {@code verifier.anchor} and
 * {@code verifier.certificate_state}, kept by {@code LedgerFollower}): one indexed read instead of a query
 * through the Gateway, the peer and the chaincode. It answers exactly as the contract's {@code VerifyCertificate}
 * would ({@link Verification#of}: a different hash, then revoked, on hold, expired, valid), with the same evidence
 * (anchoring transaction, block and time, revocation code and time, replacement).
 *
 * <p>No answer, so that the ledger is asked as before, when the copy is not current ({@link ProjectionCurrency}),
 * when it does not know the certificate (not anchored, or anchored and its event not yet applied: the ledger then
 * tells NOT_FOUND from a fresh one, and the pending window applies), or when an older contract's event left out
 * what the answer needs.
 */
@Component
public class LedgerProjection {

    private final JdbcTemplate jdbc;
    private final ProjectionCurrency currency;
    private final Clock clock;

    public LedgerProjection(JdbcTemplate jdbc, ProjectionCurrency currency, Clock clock) {
        this.jdbc = jdbc;
        this.currency = currency;
        this.clock = clock;
    }

    /** A row of the copy: what the record holds that a verdict needs. */
    private record Row(String transactionId, long block, String claimsHash, Instant validUntil, Instant anchoredAt,
                       String state, String reasonCode, Instant revokedAt, String replacedBy) {
    }

    Optional<LedgerFinding> find(String certificateId, String claimsHash) {
        if (!currency.current()) {
            return Optional.empty();
        }
        List<Row> rows = jdbc.query("SELECT a.transaction_id, a.block_number, a.claims_hash, a.valid_until, a.anchored_at,"
                        + " s.state, s.reason_code, s.revoked_at, s.replaced_by FROM verifier.anchor a"
                        + " LEFT JOIN verifier.certificate_state s ON s.certificate_id = a.certificate_id"
                        + " WHERE a.certificate_id = ? AND a.claims_hash IS NOT NULL",
                (r, n) -> new Row(r.getString(1), r.getLong(2), r.getString(3), instant(r.getString(4)),
                        instant(r.getString(5)), r.getString(6), r.getString(7), instant(r.getString(8)), r.getString(9)),
                certificateId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        boolean revoked = "REVOKED".equals(row.state());
        ReasonCode reason = revoked && row.reasonCode() != null ? ReasonCode.valueOf(row.reasonCode()) : null;
        if (revoked && (reason == null || row.revokedAt() == null
                || (reason == ReasonCode.SUPERSEDED && row.replacedBy() == null))) {
            return Optional.empty(); // an older contract's event: the ledger has what the answer shows
        }
        Instant now = clock.instant();
        Verification.Result result;
        if (!row.claimsHash().equals(claimsHash)) {
            result = Verification.Result.HASH_MISMATCH;
        } else if (revoked) {
            result = Verification.Result.REVOKED;
        } else if ("HELD".equals(row.state())) {
            result = Verification.Result.ON_HOLD;
        } else if (!now.isBefore(row.validUntil())) {
            result = Verification.Result.EXPIRED;
        } else {
            result = Verification.Result.VALID;
        }
        return Optional.of(new LedgerFinding(claimsHash, Optional.of(result), new LedgerEvidence(row.transactionId(),
                row.block(), row.anchoredAt(), revoked ? row.revokedAt() : null, reason, now, true,
                revoked ? row.replacedBy() : null)));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
