package org.pramaan.verifier.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The good-signature cache survives the trust list's refresh (every 30 s): before, it was keyed by the
 * trust list object, so every refresh orphaned all entries and the cache grew by 10 MB a minute in the
 * soak while hitting nothing.
 */
class SignatureCacheTest extends VerifierIntegrationTest {

    @Autowired
    VerificationEngine engine;

    @Test
    void aTrustListRefreshKeepsTheCacheAndItsHits() {
        SignedCredential credential = revenue().issue("Cached Across Refreshes");
        String qr = revenue().url(credential);
        assertThat(engine.verify(qr).status().name()).isEqualTo("VALID");
        long afterFirst = engine.cachedSignatures();

        for (int i = 0; i < 5; i++) {
            assertThat(trustedIssuers.refresh()).isTrue();
            assertThat(engine.verify(qr).status().name()).isEqualTo("VALID");
        }

        assertThat(engine.cachedSignatures()).as("one entry for one QR, whatever the refreshes").isEqualTo(afterFirst);
    }
}
