package org.pramaan.credential.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.TestKeys;
import org.pramaan.credential.keys.KeyPairs;

/** Reading, refusing and updating bundles, through their signed bytes. */
class OfflineBundleTest {

    private static final KeyPair RECEIPT = KeyPairs.generateP256();
    private static final byte[] KID = "kid".getBytes();

    @Test
    void aBundleReadsBackAsWrittenAndItsSetsAnswerMembership() throws Exception {
        OfflineBundle bundle = bundle(7, Map.of("REV", IdSet.ofIds(List.of("A", "B", "C"))), Map.of());
        OfflineBundle read = OfflineBundle.read(sign(BundleCodec.encode(bundle)), RECEIPT.getPublic());
        assertThat(read.height()).isEqualTo(7);
        assertThat(read.builtAt()).isEqualTo(OfflineBundleSizeTest.AT);
        assertThat(read.maxAge()).isEqualTo(Duration.ofHours(6));
        assertThat(read.roots()).containsExactly(TestKeys.ROOT.certificate());
        assertThat(read.signers()).isEqualTo(bundle.signers());
        assertThat(read.names()).isEqualTo(bundle.names());
        assertThat(read.isRevoked("REV", "B")).isTrue();
        assertThat(read.isRevoked("REV", "D")).isFalse();
        assertThat(read.isRevoked("HLT", "B")).isFalse();
        assertThat(read.trustList().signers()).hasSize(bundle.signers().size());
    }

    @Test
    void idSetsAreSortedByUnsignedByteOrderWithoutDuplicates() {
        IdSet set = IdSet.ofHashes(new long[] {-1L, 5L, Long.MIN_VALUE, 5L, 0L});
        assertThat(set.size()).isEqualTo(4);
        byte[] wire = set.encode();
        assertThat(wire).hasSize(32);
        // 0x00.., 0x00..05, 0x80.., 0xFF..: ascending as unsigned bytes.
        assertThat(wire[0]).isEqualTo((byte) 0);
        assertThat(wire[15]).isEqualTo((byte) 5);
        assertThat(wire[16]).isEqualTo((byte) 0x80);
        assertThat(wire[24]).isEqualTo((byte) 0xFF);
        assertThat(IdSet.decode(wire)).isEqualTo(set);
        assertThat(set.contains(Long.MIN_VALUE)).isTrue();
        assertThat(set.contains(6L)).isFalse();
        assertThatThrownBy(() -> IdSet.decode(new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBundleSignedByAnotherKeyOrChangedAfterSigningIsRefused() throws Exception {
        byte[] signed = sign(BundleCodec.encode(bundle(1, Map.of(), Map.of())));
        KeyPair other = KeyPairs.generateP256();
        assertThatThrownBy(() -> OfflineBundle.read(signed, other.getPublic()))
                .isInstanceOfSatisfying(InvalidBundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidBundleException.Reason.SIGNATURE));
        byte[] changed = signed.clone();
        changed[changed.length - 80] ^= 1;
        assertThatThrownBy(() -> OfflineBundle.read(changed, RECEIPT.getPublic()))
                .isInstanceOf(InvalidBundleException.class);
        assertThatThrownBy(() -> OfflineBundle.read(new byte[] {1, 2, 3}, RECEIPT.getPublic()))
                .isInstanceOfSatisfying(InvalidBundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidBundleException.Reason.FORMAT));
    }

    @Test
    void aDeltaBringsABundleToTheStateOfTheFullBundleAtTheNewHeight() throws Exception {
        OfflineBundle before = bundle(10, Map.of("REV", IdSet.ofIds(List.of("R1"))),
                Map.of("REV", IdSet.ofIds(List.of("H1", "H2"))));
        // Since 10: R2 revoked, H1 revoked while held, H2 released, H3 held, H4 held and released.
        OfflineBundle after = bundle(12, Map.of("REV", IdSet.ofIds(List.of("R1", "R2", "H1"))),
                Map.of("REV", IdSet.ofIds(List.of("H3"))));
        BundleDelta delta = new BundleDelta(10, 12, after.builtAt(), after.maxAge(), java.util.Optional.empty(),
                Map.of("REV", IdSet.ofIds(List.of("R2", "H1"))), Map.of("REV", IdSet.ofIds(List.of("H3"))),
                Map.of("REV", IdSet.ofIds(List.of("H1", "H2", "H4"))));
        OfflineBundle updated = OfflineBundle.read(sign(BundleCodec.encode(before)), RECEIPT.getPublic())
                .update(sign(BundleCodec.encodeDelta(delta)), RECEIPT.getPublic());
        assertThat(updated.height()).isEqualTo(12);
        assertThat(updated.revoked()).isEqualTo(after.revoked());
        assertThat(updated.held()).isEqualTo(after.held());
        assertThat(updated.signers()).as("no signers in the delta: kept").isEqualTo(before.signers());
        BundleDelta newKeys = new BundleDelta(12, 13, after.builtAt(), after.maxAge(), java.util.Optional.of(SIGNERS.subList(0, 1)),
                Map.of(), Map.of(), Map.of());
        assertThat(updated.update(sign(BundleCodec.encodeDelta(newKeys)), RECEIPT.getPublic()).signers())
                .as("signers in the delta: replaced").containsExactly(SIGNERS.get(0));

        OfflineBundle elsewhere = bundle(11, Map.of(), Map.of());
        assertThatThrownBy(() -> elsewhere.update(sign(BundleCodec.encodeDelta(delta)), RECEIPT.getPublic()))
                .isInstanceOfSatisfying(InvalidBundleException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidBundleException.Reason.DELTA_MISMATCH));
        assertThatThrownBy(() -> OfflineBundle.read(sign(BundleCodec.encodeDelta(delta)), RECEIPT.getPublic()))
                .as("a delta is not a bundle").isInstanceOf(InvalidBundleException.class);
        // A 304 confirms the state: "as of" and the reconnect advice count from then.
        java.time.Instant later = updated.builtAt().plus(Duration.ofDays(2));
        assertThat(updated.staleAt(later)).isTrue();
        OfflineBundle confirmed = updated.confirmed(later.minusSeconds(60));
        assertThat(confirmed.staleAt(later)).isFalse();
        assertThat(confirmed.revocationsAsOf()).isEqualTo(later.minusSeconds(60));
        assertThat(confirmed.revoked()).isEqualTo(updated.revoked());
        // A full bundle answered to ?since= replaces.
        assertThat(elsewhere.update(sign(BundleCodec.encode(after)), RECEIPT.getPublic()).height()).isEqualTo(12);
    }

    private static OfflineBundle bundle(long height, Map<String, IdSet> revoked, Map<String, IdSet> held) {
        return new OfflineBundle(height, OfflineBundleSizeTest.AT, Duration.ofHours(6), List.of(TestKeys.ROOT.certificate()),
                SIGNERS, OfflineBundleSizeTest.names(), revoked, held);
    }

    private static final List<BundleSigner> SIGNERS = OfflineBundleSizeTest.signers();

    private static byte[] sign(byte[] payload) {
        return BundleCodec.sign(payload, RECEIPT.getPrivate(), KID);
    }
}
