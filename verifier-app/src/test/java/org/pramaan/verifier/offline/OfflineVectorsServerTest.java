package org.pramaan.verifier.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.offline.BundleSigner;
import org.pramaan.credential.offline.InvalidBundleException;
import org.pramaan.credential.offline.OfflineBundle;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.ledger.LedgerHealth;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.pramaan.verifier.trust.RootCertificates;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.pramaan.verifier.verification.LedgerStatuses;
import org.pramaan.verifier.verification.PendingWindow;
import org.pramaan.verifier.verification.Verdict;
import org.pramaan.verifier.verification.VerificationEngine;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The server passes the offline test vectors (credential/src/test/resources/offline-vectors): its own
 * {@link VerificationEngine}, fed the vector's trust list (its roots are not the verifier's), asks the
 * real development ledger, on which this test first puts each vector certificate whose signature holds
 * as the vector's bundle says it stands (anchored; revoked or held where the bundle says so). So where
 * the browser and the Java verifier read revocation from the bundle, the server reads it from the
 * ledger, and all three must agree.
 */
class OfflineVectorsServerTest extends VerifierIntegrationTest {

    static final Path VECTORS = Path.of("../credential/src/test/resources/offline-vectors");

    @Autowired
    Ledger verifierLedger;
    @Autowired
    RootCertificates roots;
    @Autowired
    LedgerHealth health;
    @Autowired
    LedgerStatuses statuses;
    @Autowired
    PendingWindow pending;

    @TestFactory
    Stream<DynamicTest> theServersEngineAnswersWhatEveryVectorExpects() throws Exception {
        List<Path> files;
        try (Stream<Path> listing = Files.list(VECTORS)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("the committed vectors").hasSizeGreaterThanOrEqualTo(9);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> check(JSON.readTree(Files.readString(file)))));
    }

    private void check(JsonNode vector) throws Exception {
        JsonNode expected = vector.get("expected");
        String name = vector.get("name").asString();
        PublicKey receiptKey = KeyFactory.getInstance("EC").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(vector.get("receiptKey").asString())));
        byte[] bundleBytes = Base64.getDecoder().decode(vector.get("bundle").asString());
        if (expected.get("status").asString().equals("UNAVAILABLE")) {
            // The server reads no bundle: this case is the bundle's own signature, which it must refuse.
            assertThat(expected.get("reason").asString()).isEqualTo("BUNDLE_SIGNATURE");
            assertThatThrownBy(() -> OfflineBundle.read(bundleBytes, receiptKey)).as(name)
                    .isInstanceOf(InvalidBundleException.class);
            return;
        }
        OfflineBundle bundle = OfflineBundle.read(bundleBytes, receiptKey);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(vector.get("now").asLong()), ZoneOffset.UTC);
        String qr = vector.get("qr").asString();
        putOnTheLedger(bundle, qr, clock);

        VerificationEngine engine = new VerificationEngine(new VectorTrust(bundle, clock), statuses, clock,
                new SimpleMeterRegistry(), pending);
        Verdict verdict = engine.verify(qr);
        assertThat(verdict.status().name()).as(name + ": " + verdict.reason()).isEqualTo(expected.get("status").asString());
        if (expected.has("reason") && expected.get("reason").asString().equals("KEY_WITHDRAWN")) {
            assertThat(verdict.messageKey()).as(name).isEqualTo("status.KEY_WITHDRAWN");
        }
    }

    /** The engine with the vector's trust list in place of the one read from the ledger. */
    private final class VectorTrust extends TrustedIssuers {

        private final Snapshot snapshot;

        VectorTrust(OfflineBundle bundle, Clock clock) {
            super(verifierLedger, roots, health, clock);
            this.snapshot = new Snapshot(bundle.trustList(), Map.of(), clock.instant());
        }

        @Override
        public Snapshot current() {
            return snapshot;
        }
    }

    /**
     * A credential with a good signature is anchored by its department (its vector key registered
     * first), then revoked or held as the bundle says; each step only when the ledger does not have it yet.
     */
    private void putOnTheLedger(OfflineBundle bundle, String qr, Clock clock) throws Exception {
        CredentialCheck check = new CredentialVerifier(bundle.trustList(), clock).verify(qr);
        if (!check.signatureValid()) {
            return;
        }
        SignedCredential credential = check.credential().orElseThrow();
        String dept = credential.claims().issuer().value();
        String id = credential.claims().certificateId().toString();
        BundleSigner signer = bundle.signers().stream().filter(s -> s.kid().equals(credential.kid())).findFirst().orElseThrow();
        try (FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                FabricLedger.Settings.defaults())) {
            Ledger admin = fabric.ledger("admin");
            Ledger department = fabric.ledger(dept);
            if (admin.issuer(dept).isEmpty()) {
                admin.registerIssuer(new IssuerRegistration(org.pramaan.contract.id.DepartmentCode.of(dept),
                        new IssuerNames(dept + " (vectors)", dept + " (తెలుగు)", dept + " (हिन्दी)")));
            }
            if (admin.issuer(dept).orElseThrow().signer(org.pramaan.contract.id.KeyId.of(signer.kid().hex())).isEmpty()) {
                admin.addSignerKey(dept, new SignerRegistration(org.pramaan.contract.id.KeyId.of(signer.kid().hex()),
                        KeyFiles.toPem(signer.certificate()), signer.certificate().getNotBefore().toInstant(),
                        signer.certificate().getNotAfter().toInstant()));
            }
            if (department.read(id).isEmpty()) {
                department.issue(List.of(new CertificateRequest(org.pramaan.contract.id.CertificateId.of(id),
                        org.pramaan.contract.id.DepartmentCode.of(dept), credential.claims().body().type(),
                        ClaimsHash.of(credential.claimsHashHex()), org.pramaan.contract.id.KeyId.of(credential.kid().hex()),
                        credential.claims().expiresAt())));
            }
            CertificateStatus status = department.read(id).orElseThrow().status();
            if (bundle.isRevoked(dept, id) && status != CertificateStatus.REVOKED) {
                department.revoke(id, ReasonCode.ISSUED_IN_ERROR);
            } else if (bundle.isHeld(dept, id) && status != CertificateStatus.ON_HOLD) {
                department.hold(id, HoldCode.UNDER_SCRUTINY);
            }
        }
        statuses.invalidate(id);
    }
}
