package org.pramaan.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;

/** A state root and department signers, made once per test JVM: key generation is the slow part. */
public final class TestKeys {

    public static final Instant KEYS_FROM = Instant.parse("2025-01-01T00:00:00Z");
    public static final DepartmentCode REV = DepartmentCode.of("REV");
    public static final DepartmentCode HLT = DepartmentCode.of("HLT");

    public static final CertificateAuthority ROOT =
            CertificateAuthority.createRoot("Test State Root CA", KEYS_FROM, Duration.ofDays(3650));
    public static final SignerKey REV_SIGNER = ROOT.issueSigner(REV, KEYS_FROM, Duration.ofDays(730));
    public static final SignerKey HLT_SIGNER = ROOT.issueSigner(HLT, KEYS_FROM, Duration.ofDays(730));

    private TestKeys() {
    }

    public static TrustList trustList() {
        return TrustList.build(ROOT.certificate(), List.of(
                new TrustedSigner(REV, REV_SIGNER.certificate()), new TrustedSigner(HLT, HLT_SIGNER.certificate())));
    }
}
