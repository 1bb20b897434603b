package org.pramaan.credential.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.TestKeys;
import org.pramaan.credential.keys.KeyPairs;
import org.pramaan.credential.keys.SignerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The size goals of issue 14, measured on signed bundles built from synthetic ids: a million
 * certificates with 1% revoked (and 0.1% held) under 200 KB, a day's delta under 5 KB. A state of four
 * departments with one signer key each and one root.
 */
class OfflineBundleSizeTest {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineBundleSizeTest.class);
    static final List<String> DEPARTMENTS = List.of("REV", "HLT", "LAB", "EDU");
    static final Instant AT = Instant.parse("2026-06-01T06:00:00Z");
    private static final KeyPair RECEIPT = KeyPairs.generateP256();
    private static final byte[] RECEIPT_KID = "a-receipt-key-thumbprint-of-43-characters-x".getBytes();

    @Test
    void aMillionCertificatesWithOnePercentRevokedFitIn200KilobytesAndADaysDeltaIn5() throws Exception {
        int certificates = 1_000_000;
        Map<String, List<String>> revoked = ids(certificates / 100, "INC");
        Map<String, List<String>> held = ids(certificates / 1000, "CST");
        List<BundleSigner> signers = signers();
        OfflineBundle full = new OfflineBundle(1_000, AT, Duration.ofDays(1), List.of(TestKeys.ROOT.certificate()),
                signers, names(), sets(revoked), sets(held));
        byte[] signed = BundleCodec.sign(BundleCodec.encode(full), RECEIPT.getPrivate(), RECEIPT_KID);

        // A day: 200 revocations, 50 new holds, 20 holds lifted.
        Map<String, List<String>> dayRevoked = ids(200, "INC");
        Map<String, List<String>> dayHeld = ids(50, "CST");
        Map<String, List<String>> dayReleased = new HashMap<>();
        held.forEach((dept, list) -> dayReleased.put(dept, list.subList(0, 5)));
        BundleDelta delta = new BundleDelta(1_000, 1_144, AT.plus(Duration.ofDays(1)), Duration.ofDays(1), Optional.empty(),
                sets(dayRevoked), sets(dayHeld), sets(dayReleased));
        byte[] signedDelta = BundleCodec.sign(BundleCodec.encodeDelta(delta), RECEIPT.getPrivate(), RECEIPT_KID);
        // The same day when a department's keys changed too: the delta carries all signers.
        BundleDelta withSigners = new BundleDelta(1_000, 1_144, AT.plus(Duration.ofDays(1)), Duration.ofDays(1),
                Optional.of(signers), sets(dayRevoked), sets(dayHeld), sets(dayReleased));
        byte[] signedDeltaWithSigners = BundleCodec.sign(BundleCodec.encodeDelta(withSigners), RECEIPT.getPrivate(), RECEIPT_KID);

        LOG.info("offline bundle: {} certificates, {} revoked, {} held: {} bytes; a day's delta: {} bytes, {} with"
                        + " the {} signers", certificates, certificates / 100, certificates / 1000, signed.length,
                signedDelta.length, signedDeltaWithSigners.length, signers.size());
        assertThat(signed.length).as("full bundle bytes").isLessThan(200_000);
        assertThat(signedDelta.length).as("a day's delta bytes").isLessThan(5_000);
        assertThat(signedDeltaWithSigners.length).as("a day's delta with new signers, bytes").isLessThan(6_000);

        // And both read back to the state they were made from.
        OfflineBundle read = OfflineBundle.read(signed, RECEIPT.getPublic());
        assertThat(read.revoked()).isEqualTo(full.revoked());
        OfflineBundle updated = read.update(signedDelta, RECEIPT.getPublic());
        assertThat(updated.height()).isEqualTo(1_144);
        String someRevokedToday = dayRevoked.get("LAB").get(3);
        assertThat(updated.isRevoked("LAB", someRevokedToday)).isTrue();
        assertThat(read.isRevoked("LAB", someRevokedToday)).isFalse();
        assertThat(updated.isHeld("REV", dayReleased.get("REV").get(0))).isFalse();
        assertThat(updated.isHeld("REV", held.get("REV").get(10))).isTrue();
        assertThat(updated.isHeld("EDU", dayHeld.get("EDU").get(0))).isTrue();
    }

    /** {@code total} fresh certificate ids, spread over the departments. */
    static Map<String, List<String>> ids(int total, String type) {
        Map<String, List<String>> byDepartment = new HashMap<>();
        for (int i = 0; i < total; i++) {
            String dept = DEPARTMENTS.get(i % DEPARTMENTS.size());
            byDepartment.computeIfAbsent(dept, d -> new ArrayList<>())
                    .add(CertificateId.generate(DepartmentCode.of(dept), type, Year.of(2026)).toString());
        }
        return byDepartment;
    }

    static Map<String, IdSet> sets(Map<String, List<String>> ids) {
        Map<String, IdSet> sets = new HashMap<>();
        ids.forEach((dept, list) -> sets.put(dept, IdSet.ofIds(list)));
        return sets;
    }

    static List<BundleSigner> signers() {
        List<BundleSigner> signers = new ArrayList<>();
        for (String dept : DEPARTMENTS) {
            SignerKey key = TestKeys.ROOT.issueSigner(DepartmentCode.of(dept), TestKeys.KEYS_FROM, Duration.ofDays(730));
            signers.add(new BundleSigner(key.department(), key.kid(), key.certificate(), TestKeys.KEYS_FROM,
                    TestKeys.KEYS_FROM.plus(Duration.ofDays(730)), Optional.empty()));
        }
        return signers;
    }

    static Map<String, Map<String, String>> names() {
        Map<String, Map<String, String>> names = new HashMap<>();
        for (String dept : DEPARTMENTS) {
            names.put(dept, Map.of("en", dept + " Department of the State Government", "te", "రాష్ట్ర ప్రభుత్వ శాఖ " + dept,
                    "hi", "राज्य सरकार का विभाग " + dept));
        }
        return names;
    }
}
