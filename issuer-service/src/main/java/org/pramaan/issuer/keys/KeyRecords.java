package org.pramaan.issuer.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the issuer's records say about each key: how much it signed, and what still waits to be anchored. */
@Repository
public class KeyRecords {

    private final JdbcClient jdbc;

    public KeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Certificates signed per kid (lower-case hex) for {@code department}. */
    public Map<String, Long> signedCounts(DepartmentCode department) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT kid, count(*) FROM issuer.certificate WHERE department = ? GROUP BY kid")
                .param(department.value())
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Certificates signed with one of {@code kids} still waiting to be anchored (parked ones aside) or for their PDF,
     * which is sealed by the same key: a key retired before then would leave the PDF unsealable.
     */
    public long waitingForAnchoring(DepartmentCode department, List<String> kids) {
        if (kids.isEmpty()) {
            return 0;
        }
        String[] kidArray = kids.toArray(String[]::new);
        return jdbc.sql("SELECT (SELECT count(*) FROM issuer.anchor_outbox a JOIN issuer.certificate c"
                        + " ON c.id = a.certificate_id WHERE a.department = ? AND a.parked_at IS NULL AND c.kid = ANY (?))"
                        + " + (SELECT count(*) FROM issuer.render_outbox r JOIN issuer.certificate c"
                        + " ON c.id = r.certificate_id WHERE c.department = ? AND c.kid = ANY (?))")
                .params(department.value(), kidArray, department.value(), kidArray).query(Long.class).single();
    }

    public long countSignedSince(DepartmentCode department, String kid, Instant from) {
        return jdbc.sql("SELECT count(*) FROM issuer.certificate WHERE department = ? AND kid = ? AND issued_at >= ?")
                .params(department.value(), kid, Timestamp.from(from)).query(Long.class).single();
    }

    /** Certificates {@code kid} signed from {@code from} on that are neither revoked nor replaced yet, oldest first. */
    public List<String> replaceable(DepartmentCode department, String kid, Instant from, int limit) {
        return jdbc.sql("SELECT id FROM issuer.certificate WHERE department = ? AND kid = ? AND issued_at >= ?"
                        + " AND status <> 'REVOKED' AND replaced_by IS NULL ORDER BY issued_at, id LIMIT ?")
                .params(department.value(), kid, Timestamp.from(from), limit).query(String.class).list();
    }

    /** Ids of the certificates {@code kid} signed at or after {@code from}, oldest first (at most {@code limit}). */
    public List<String> signedSince(DepartmentCode department, String kid, Instant from, int limit) {
        return jdbc.sql("SELECT id FROM issuer.certificate WHERE department = ? AND kid = ? AND issued_at >= ?"
                        + " ORDER BY issued_at, id LIMIT ?")
                .params(department.value(), kid, Timestamp.from(from), limit).query(String.class).list();
    }
}
