package org.pramaan.credential.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pramaan.credential.TestKeys;

/**
 * The delta rules of docs/offline-bundle.md, as the verifier's {@code certificate_state} table keeps them
 * (one row per certificate: state, whether it was ever held, block of its last change), hold for any
 * history of revocations, holds and releases: the full bundle at height {@code since} with the delta
 * from {@code since} applied is the full bundle now, for every {@code since}.
 */
class DeltaRulesPropertyTest {

    enum Kind { REVOKE, HOLD, RELEASE }

    record Event(Kind kind, int certificate) {
    }

    /** A row of the table. */
    record Row(String state, boolean wasHeld, long changed) {
    }

    @Property(tries = 200)
    void aDeltaAppliedToAnyEarlierBundleGivesTheCurrentOne(@ForAll("histories") List<Event> history) throws Exception {
        Map<String, Row> rows = new HashMap<>();
        List<Map<String, Row>> snapshots = new ArrayList<>();
        snapshots.add(Map.copyOf(rows));
        long block = 0;
        for (Event event : history) {
            block++;
            apply(rows, event, block);
            snapshots.add(Map.copyOf(rows));
        }
        OfflineBundle now = full(rows, block);
        for (int since = 0; since <= block; since++) {
            OfflineBundle before = full(snapshots.get(since), since);
            OfflineBundle updated = before.apply(delta(rows, since, block));
            assertThat(updated.revoked()).as("revoked, since " + since).isEqualTo(now.revoked());
            assertThat(updated.held()).as("held, since " + since).isEqualTo(now.held());
        }
    }

    @Provide
    Arbitrary<List<Event>> histories() {
        Arbitrary<Event> event = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7))
                .as(Event::new);
        return event.list().ofMaxSize(25);
    }

    /** The listener's upserts (CertificateStates), in memory. */
    private static void apply(Map<String, Row> rows, Event event, long block) {
        String id = "REV-CERT-" + event.certificate();
        Row row = rows.get(id);
        switch (event.kind()) {
            case REVOKE -> {
                if (row == null || !row.state().equals("REVOKED")) {
                    rows.put(id, new Row("REVOKED", row != null && (row.wasHeld() || row.state().equals("HELD")), block));
                }
            }
            case HOLD -> {
                if (row == null || row.state().equals("ACTIVE")) {
                    rows.put(id, new Row("HELD", true, block));
                }
            }
            case RELEASE -> {
                if (row == null || row.state().equals("HELD")) {
                    rows.put(id, new Row("ACTIVE", true, block));
                }
            }
        }
    }

    private static OfflineBundle full(Map<String, Row> rows, long height) {
        return new OfflineBundle(height, Instant.EPOCH, Duration.ofDays(1), List.of(TestKeys.ROOT.certificate()), List.of(),
                Map.of(), Map.of("REV", ids(rows, r -> r.state().equals("REVOKED"))),
                Map.of("REV", ids(rows, r -> r.state().equals("HELD"))));
    }

    /** The server's three queries (CertificateStates.addedSince, holdsEndedSince). */
    private static BundleDelta delta(Map<String, Row> rows, long since, long height) {
        return new BundleDelta(since, height, Instant.EPOCH, Duration.ofDays(1), Optional.empty(),
                Map.of("REV", ids(rows, r -> r.state().equals("REVOKED") && r.changed() > since)),
                Map.of("REV", ids(rows, r -> r.state().equals("HELD") && r.changed() > since)),
                Map.of("REV", ids(rows, r -> r.wasHeld() && !r.state().equals("HELD") && r.changed() > since)));
    }

    private static IdSet ids(Map<String, Row> rows, java.util.function.Predicate<Row> which) {
        return IdSet.ofIds(rows.entrySet().stream().filter(e -> which.test(e.getValue())).map(Map.Entry::getKey).toList());
    }
}
