package org.pramaan.verifier.verification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.ledger.ProjectionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's answer from the verifier's own copy of it (tables {@code verifier.anchor} and
 * {@code verifier.certificate_state}, kept by {@code LedgerFollower}), without a query through the Gateway, the peer
 * and the chaincode. It answers exactly as the contract's {@code VerifyCertificate} would ({@link Verification#of}: a
 * different hash, then revoked, on hold, expired, valid), with the same evidence (anchoring transaction, block and
 * time, revocation code and time, replacement).
 *
 * <p>The copy's rows are also held in memory ({@link ProjectionIndex}: loaded from the tables at start, newest first
 * up to {@code VERIFIER_PROJECTION_MEMORY_MAX}, and given each event's rows as the follower commits them), so a first
 * check costs no database round trip either. What memory does not hold, or holds with another claims hash, is read
 * from the tables as before.
 *
 * <p>No answer, so that the ledger is asked as before, when the copy is not current ({@link ProjectionCurrency}),
 * when it does not know the certificate (not anchored, or anchored and its event not yet applied: the ledger then
 * tells NOT_FOUND from a fresh one, and the pending window applies), or when an older contract's event left out
 * what the answer needs.
 */
@Component
public class LedgerProjection {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProjection.class);
    private static final String SELECT = "SELECT a.certificate_id, a.transaction_id, a.block_number, a.claims_hash,"
            + " a.valid_until, a.anchored_at, s.state, s.reason_code, s.revoked_at, s.replaced_by FROM verifier.anchor a"
            + " LEFT JOIN verifier.certificate_state s ON s.certificate_id = a.certificate_id"
            + " WHERE a.claims_hash IS NOT NULL";
    private static final int LOAD_BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final ProjectionCurrency currency;
    private final Clock clock;
    private final ProjectionIndex memory;
    private final int memoryMax;
    private final Counter fromMemory;
    private final Counter fromDatabase;

    @Autowired
    public LedgerProjection(JdbcTemplate jdbc, ProjectionCurrency currency, Clock clock, ProjectionProperties properties,
                            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.currency = currency;
        this.clock = clock;
        this.memoryMax = properties.memoryMax();
        this.memory = new ProjectionIndex(memoryMax);
        this.fromMemory = meters.counter("verifier.projection.answers", "store", "memory");
        this.fromDatabase = meters.counter("verifier.projection.answers", "store", "database");
        Gauge.builder("verifier.projection.memory.certificates", memory, ProjectionIndex::size)
                .description("certificates the verifier's copy of the ledger holds in memory").register(meters);
        Gauge.builder("verifier.projection.memory.bytes", memory, ProjectionIndex::bytes)
                .description("what the in-memory copy of the ledger costs, roughly").baseUnit("bytes").register(meters);
    }

    /** The tables alone, nothing in memory: what the copy was before it was held in memory. */
    public LedgerProjection(JdbcTemplate jdbc, ProjectionCurrency currency, Clock clock) {
        this(jdbc, currency, clock, new ProjectionProperties(null, null, null, 0), new SimpleMeterRegistry());
    }

    /** A row of the copy: what the record holds that a verdict needs. */
    private record Row(String certificateId, String transactionId, long block, String claimsHash, Instant validUntil,
                       Instant anchoredAt, String state, String reasonCode, Instant revokedAt, String replacedBy) {

        /** The state as the index keeps it: an older contract's revocation, which the ledger must answer, apart. */
        byte indexState() {
            if ("REVOKED".equals(state)) {
                return reasonCode == null || revokedAt == null
                        || (ReasonCode.valueOf(reasonCode) == ReasonCode.SUPERSEDED && replacedBy == null)
                        ? ProjectionIndex.ASK_LEDGER : ProjectionIndex.REVOKED;
            }
            return "HELD".equals(state) ? ProjectionIndex.HELD : ProjectionIndex.ACTIVE;
        }

        ProjectionIndex.Row toIndex() {
            byte indexState = indexState();
            return new ProjectionIndex.Row(certificateId, claimsHash, validUntil,
                    new ProjectionIndex.Anchoring(transactionId, block, anchoredAt), indexState,
                    indexState == ProjectionIndex.REVOKED
                            ? new ProjectionIndex.Revocation(ReasonCode.valueOf(reasonCode), revokedAt, replacedBy) : null);
        }
    }

    Optional<LedgerFinding> find(String certificateId, String claimsHash) {
        if (!currency.current()) {
            return Optional.empty();
        }
        ProjectionIndex.Entry held = memory.find(certificateId, claimsHash);
        if (held != null) {
            fromMemory.increment();
            ProjectionIndex.Revocation revocation = held.revocation();
            return answer(claimsHash, true, held.anchoring(), held.validUntil(), held.state(),
                    revocation == null ? null : revocation.reason(), revocation == null ? null : revocation.revokedAt(),
                    revocation == null ? null : revocation.replacedBy());
        }
        fromDatabase.increment();
        List<Row> rows = jdbc.query(SELECT + " AND a.certificate_id = ?", LedgerProjection::row, certificateId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        return answer(claimsHash, row.claimsHash().equals(claimsHash),
                new ProjectionIndex.Anchoring(row.transactionId(), row.block(), row.anchoredAt()), row.validUntil(),
                row.indexState(), row.reasonCode() == null ? null : ReasonCode.valueOf(row.reasonCode()), row.revokedAt(),
                row.replacedBy());
    }

    /** The one decision, whichever store the record came from. */
    private Optional<LedgerFinding> answer(String claimsHash, boolean sameHash, ProjectionIndex.Anchoring anchoring,
                                           Instant validUntil, byte state, ReasonCode reason, Instant revokedAt,
                                           String replacedBy) {
        if (state == ProjectionIndex.ASK_LEDGER) {
            return Optional.empty(); // an older contract's event: the ledger has what the answer shows
        }
        boolean revoked = state == ProjectionIndex.REVOKED;
        Instant now = clock.instant();
        Verification.Result result;
        if (!sameHash) {
            result = Verification.Result.HASH_MISMATCH;
        } else if (revoked) {
            result = Verification.Result.REVOKED;
        } else if (state == ProjectionIndex.HELD) {
            result = Verification.Result.ON_HOLD;
        } else if (!now.isBefore(validUntil)) {
            result = Verification.Result.EXPIRED;
        } else {
            result = Verification.Result.VALID;
        }
        return Optional.of(new LedgerFinding(claimsHash, Optional.of(result), new LedgerEvidence(anchoring.transactionId(),
                anchoring.block(), anchoring.anchoredAt(), revoked ? revokedAt : null, revoked ? reason : null, now, true,
                revoked ? replacedBy : null)));
    }

    /** The copy's rows of these certificates as the database holds them now (in the follower's transaction). */
    public Rows read(Collection<String> certificateIds) {
        if (memoryMax == 0 || certificateIds.isEmpty()) {
            return new Rows(List.of());
        }
        String[] ids = certificateIds.toArray(String[]::new);
        List<ProjectionIndex.Row> rows = new ArrayList<>(ids.length);
        jdbc.query(SELECT + " AND a.certificate_id = ANY (?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("text", ids)),
                result -> {
                    rows.add(row(result, 0).toIndex());
                });
        return new Rows(rows);
    }

    /** Rows read by {@link #read}, for {@link #remember} once their transaction committed. */
    public static final class Rows {
        private final List<ProjectionIndex.Row> rows;

        private Rows(List<ProjectionIndex.Row> rows) {
            this.rows = rows;
        }
    }

    /** Puts rows just committed into memory, over what it held: they are the newer. */
    public void remember(Rows rows) {
        if (!rows.rows.isEmpty()) {
            memory.put(rows.rows, true);
        }
    }

    /**
     * Loads the tables into memory, newest first, up to the limit; rows the follower put meanwhile are newer and stay.
     * Until it is done, what memory does not hold yet is read from the database.
     */
    public void load() {
        if (memoryMax == 0) {
            return;
        }
        long started = System.nanoTime();
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(10_000);
        streaming.setMaxRows(memoryMax);
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            List<ProjectionIndex.Row> batch = new ArrayList<>(LOAD_BATCH);
            streaming.query(SELECT + " ORDER BY a.block_number DESC", result -> {
                if (memory.size() >= memoryMax) {
                    return;
                }
                batch.add(row(result, 0).toIndex());
                if (batch.size() == LOAD_BATCH) {
                    memory.put(batch, false);
                    batch.clear();
                }
            });
            memory.put(batch, false);
        });
        LOG.info("the verifier's copy of the ledger holds {} certificates in memory ({} MB{}), loaded in {} ms",
                memory.size(), memory.bytes() / 1_000_000, memory.partial() ? "; the others are read from the database" : "",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** How many certificates memory holds (for tests). */
    int inMemory() {
        return memory.size();
    }

    private static Row row(ResultSet r, int n) throws SQLException {
        return new Row(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), instant(r.getString(5)),
                instant(r.getString(6)), r.getString(7), r.getString(8), instant(r.getString(9)), r.getString(10));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
