package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.ReasonCode;

/** The in-memory table alone: what it holds it finds, with the claims hash it was given and nothing else. */
class ProjectionIndexTest {

    private static final ProjectionIndex.Anchoring TX = new ProjectionIndex.Anchoring("tx-1", 7, Instant.parse("2026-12-03T10:00:00.123456789Z"));
    private static final Instant UNTIL = Instant.parse("2031-12-03T10:00:00Z");

    @Test
    void findsEveryCertificateItWasGivenThroughGrowthAndOnlyWithItsClaimsHash() {
        ProjectionIndex index = new ProjectionIndex(1_000_000);
        List<ProjectionIndex.Row> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row("REV-INC-2026-" + i, hash(i), ProjectionIndex.ACTIVE, null));
        }
        index.put(rows, false);
        assertThat(index.size()).isEqualTo(20_000);
        for (int i = 0; i < 20_000; i++) {
            ProjectionIndex.Entry entry = index.find("REV-INC-2026-" + i, hash(i));
            assertThat(entry).isNotNull();
            assertThat(entry.anchoring()).isEqualTo(TX);
            assertThat(entry.validUntil()).isEqualTo(UNTIL);
        }
        assertThat(index.find("REV-INC-2026-1", hash(2))).as("another claims hash: the database decides").isNull();
        assertThat(index.find("REV-INC-2026-20000", hash(20_000))).as("not held").isNull();
        assertThat(index.find("REV-INC-2026-1", "not a hash")).isNull();
        assertThat(index.partial()).isFalse();
        // 33 bytes a slot, the table between 53% and 80% full.
        assertThat(index.bytes()).isBetween(20_000L * 33, (long) (20_000 * 33 / 0.53) + 1_000);
    }

    @Test
    void theFollowersRowsReplaceTheLoadersDoNot() {
        ProjectionIndex index = new ProjectionIndex(10);
        index.put(List.of(row("A", hash(1), ProjectionIndex.ACTIVE, null)), false);
        ProjectionIndex.Revocation revocation = new ProjectionIndex.Revocation(ReasonCode.ISSUED_IN_ERROR, UNTIL, null);
        index.put(List.of(row("A", hash(1), ProjectionIndex.REVOKED, revocation)), true);
        index.put(List.of(row("A", hash(1), ProjectionIndex.ACTIVE, null)), false);
        ProjectionIndex.Entry entry = index.find("A", hash(1));
        assertThat(entry.state()).isEqualTo(ProjectionIndex.REVOKED);
        assertThat(entry.revocation()).isEqualTo(revocation);
    }

    @Test
    void beyondItsLimitAndWithAValidityItCannotHoldItLeavesCertificatesToTheDatabase() {
        ProjectionIndex index = new ProjectionIndex(2);
        index.put(List.of(row("A", hash(1), ProjectionIndex.ACTIVE, null), row("B", hash(2), ProjectionIndex.ACTIVE, null),
                row("C", hash(3), ProjectionIndex.ACTIVE, null)), false);
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.find("C", hash(3))).isNull();
        assertThat(index.partial()).isTrue();

        ProjectionIndex fractions = new ProjectionIndex(10);
        fractions.put(List.of(new ProjectionIndex.Row("D", hash(4), UNTIL.plusNanos(1), TX, ProjectionIndex.ACTIVE, null)), false);
        assertThat(fractions.find("D", hash(4))).isNull();
        assertThat(fractions.partial()).isTrue();
    }

    private static ProjectionIndex.Row row(String id, String hash, byte state, ProjectionIndex.Revocation revocation) {
        return new ProjectionIndex.Row(id, hash, UNTIL, TX, state, revocation);
    }

    private static String hash(int i) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Integer.toString(i).getBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
