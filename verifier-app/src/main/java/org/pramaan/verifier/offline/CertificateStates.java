package org.pramaan.verifier.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.credential.offline.IdSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The revoked and held certificates, by department, with the block of each one's last change, and
 * the height they reflect (tables {@code verifier.certificate_state}, {@code verifier.offline_height}).
 * Each event is applied in one short transaction together with the height, so a reader never sees a
 * height ahead of its state. Applying an event twice changes nothing; revocation is final.
 */
@Repository
public class CertificateStates {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public CertificateStates(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The heights: the last event applied, and the last trust list change. */
    public record Heights(long height, long trustHeight) {
    }

    public Heights heights() {
        return jdbc.queryForObject("SELECT height, trust_height FROM verifier.offline_height",
                (row, n) -> new Heights(row.getLong(1), row.getLong(2)));
    }

    /** A revocation as its event says it: the code, the time, and the replacement of a superseded certificate. */
    public record Revocation(ReasonCode reasonCode, Instant revokedAt, String replacedBy) {
    }

    /** Revoked in {@code block}, from any state but revoked: revocation is final. */
    public void revoked(String certificateId, String department, long block, Revocation revocation) {
        change(certificateId, department, block, State.REVOKED, revocation);
    }

    /** Put on hold in {@code block}, if active. */
    public void held(String certificateId, String department, long block) {
        change(certificateId, department, block, State.HELD, null);
    }

    /** Released from a hold in {@code block}. */
    public void released(String certificateId, String department, long block) {
        change(certificateId, department, block, State.ACTIVE, null);
    }

    /**
     * The states a certificate moves between, each with the states it may follow and whether it marks the
     * certificate as held at some time (a delta lists it under heldRemoved once no longer held).
     */
    private enum State {
        REVOKED(false, "ACTIVE", "HELD"),
        HELD(true, "ACTIVE", "ACTIVE"),
        ACTIVE(true, "HELD", "HELD");

        private final boolean marksHeld;
        private final String after;
        private final String orAfter;

        State(boolean marksHeld, String after, String orAfter) {
            this.marksHeld = marksHeld;
            this.after = after;
            this.orAfter = orAfter;
        }
    }

    /**
     * The one upsert: a certificate seen for the first time takes the new state; a known one only from the states
     * the change may follow (so replays and late events change nothing), and stays marked as held once it was.
     */
    private void change(String certificateId, String department, long block, State state, Revocation revocation) {
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO verifier.certificate_state AS s (certificate_id, department, id_hash, state, was_held,"
                            + " changed_block, reason_code, revoked_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (certificate_id) DO UPDATE SET state = EXCLUDED.state,"
                            + " was_held = s.was_held OR EXCLUDED.was_held OR s.state = 'HELD',"
                            + " changed_block = greatest(s.changed_block, EXCLUDED.changed_block),"
                            + " reason_code = EXCLUDED.reason_code, revoked_at = EXCLUDED.revoked_at,"
                            + " replaced_by = EXCLUDED.replaced_by"
                            + " WHERE s.state IN (?, ?)",
                    certificateId, department, IdSet.hash(certificateId), state.name(), state.marksHeld, block,
                    revocation == null ? null : revocation.reasonCode().name(),
                    revocation == null || revocation.revokedAt() == null ? null : revocation.revokedAt().toString(),
                    revocation == null ? null : revocation.replacedBy(), state.after, state.orAfter);
            advance(block, false);
        });
    }

    /** A department or signer key changed in {@code block}. */
    public void trustChanged(long block) {
        transactions.executeWithoutResult(tx -> advance(block, true));
    }

    private void advance(long block, boolean trust) {
        jdbc.update("UPDATE verifier.offline_height SET height = greatest(height, ?),"
                + " trust_height = CASE WHEN ? THEN greatest(trust_height, ?) ELSE trust_height END", block, trust, block);
    }

    /** Every revoked (or held) certificate, as id sets by department. */
    public Map<String, IdSet> all(boolean revoked) {
        return sets("SELECT department, id_hash FROM verifier.certificate_state WHERE state = ?",
                revoked ? "REVOKED" : "HELD");
    }

    /** Revoked (held) after block {@code since}; held ones only if still held. */
    public Map<String, IdSet> addedSince(boolean revoked, long since) {
        return sets("SELECT department, id_hash FROM verifier.certificate_state WHERE state = ? AND changed_block > ?",
                revoked ? "REVOKED" : "HELD", since);
    }

    /** Certificates whose hold ended after {@code since} (released or revoked). */
    public Map<String, IdSet> holdsEndedSince(long since) {
        return sets("SELECT department, id_hash FROM verifier.certificate_state"
                + " WHERE was_held AND state <> 'HELD' AND changed_block > ?", since);
    }

    private Map<String, IdSet> sets(String sql, Object... arguments) {
        Map<String, List<Long>> hashes = new HashMap<>();
        jdbc.query(sql, row -> {
            hashes.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(row.getLong(2));
        }, arguments);
        Map<String, IdSet> sets = new HashMap<>();
        hashes.forEach((dept, list) -> sets.put(dept, IdSet.ofHashes(list.stream().mapToLong(Long::longValue).toArray())));
        return sets;
    }
}
