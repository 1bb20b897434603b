package org.pramaan.verifier.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.VerificationStatus;
import org.pramaan.credential.offline.OfflineBundle;
import org.pramaan.credential.offline.OfflineVerifier;
import org.pramaan.verifier.receipt.ReceiptKey;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/offline/bundle} on the running service and the development ledger: signed by the
 * published receipt key, ETag and 304, a revocation and a hold made through the ledger reach the bundle
 * and the delta, and a delta brings an old bundle to the new one's state.
 */
class OfflineBundleEndpointTest extends VerifierIntegrationTest {

    @Autowired
    ReceiptKey receiptKey;

    @Test
    void aRevocationAndAHoldMadeThroughTheLedgerReachTheBundleAndTheDelta() throws Exception {
        SignedCredential revoked = revenue().issue("Offline Revoked Holder");
        SignedCredential held = revenue().issue("Offline Held Holder");
        SignedCredential genuine = revenue().issue("Offline Genuine Holder");
        HttpResponse<byte[]> first = get("/api/v1/offline/bundle", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/cose");
        assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        OfflineBundle before = OfflineBundle.read(first.body(), receiptKey.publicKey());
        assertThat(etag).isEqualTo("\"" + before.height() + "\"");
        assertThat(before.names()).containsKey("REV");
        assertThat(before.signers()).anySatisfy(s -> assertThat(s.kid()).isEqualTo(revenue().signer().kid()));
        assertThat(verify(before, revoked)).isEqualTo(VerificationStatus.VALID);

        revenue().revoke(revoked);
        revenue().hold(held);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            OfflineBundle now = OfflineBundle.read(get("/api/v1/offline/bundle", null).body(), receiptKey.publicKey());
            return now.isRevoked("REV", revoked.claims().certificateId().toString())
                    && now.isHeld("REV", held.claims().certificateId().toString());
        });
        OfflineBundle after = OfflineBundle.read(get("/api/v1/offline/bundle", null).body(), receiptKey.publicKey());
        assertThat(after.height()).isGreaterThan(before.height());
        assertThat(verify(after, revoked)).isEqualTo(VerificationStatus.REVOKED);
        assertThat(verify(after, held)).isEqualTo(VerificationStatus.ON_HOLD);
        assertThat(verify(after, genuine)).isEqualTo(VerificationStatus.VALID);

        // The delta from the first bundle's height gives the same state, and is small.
        HttpResponse<byte[]> deltaAnswer = get("/api/v1/offline/bundle?since=" + before.height(), null);
        assertThat(deltaAnswer.statusCode()).isEqualTo(200);
        assertThat(deltaAnswer.body().length).isLessThan(first.body().length);
        OfflineBundle updated = before.update(deltaAnswer.body(), receiptKey.publicKey());
        assertThat(updated.height()).isEqualTo(after.height());
        assertThat(updated.revoked()).isEqualTo(after.revoked());
        assertThat(updated.held()).isEqualTo(after.held());

        // Released: the hold leaves the bundle, and the delta says so to a client that had it.
        revenue().release(held);
        await().atMost(Duration.ofSeconds(20)).until(() -> !OfflineBundle.read(get("/api/v1/offline/bundle", null).body(),
                receiptKey.publicKey()).isHeld("REV", held.claims().certificateId().toString()));
        OfflineBundle released = updated.update(get("/api/v1/offline/bundle?since=" + updated.height(), null).body(),
                receiptKey.publicKey());
        assertThat(verify(released, held)).isEqualTo(VerificationStatus.VALID);
        assertThat(verify(released, revoked)).isEqualTo(VerificationStatus.REVOKED);
    }

    @Test
    void theCurrentHeightAsETagAnswers304AndAnUnknownOrFutureSinceGetsTheFullBundle() throws Exception {
        HttpResponse<byte[]> full = get("/api/v1/offline/bundle", null);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("/api/v1/offline/bundle", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get("/api/v1/offline/bundle?since=0", etag).statusCode()).as("a delta request at the current height").isEqualTo(304);
        assertThat(get("/api/v1/offline/bundle", "\"-1\"").statusCode()).isEqualTo(200);

        long height = OfflineBundle.read(full.body(), receiptKey.publicKey()).height();
        HttpResponse<byte[]> future = get("/api/v1/offline/bundle?since=" + (height + 1000), null);
        assertThat(future.statusCode()).isEqualTo(200);
        assertThat(OfflineBundle.read(future.body(), receiptKey.publicKey()).height()).as("a full bundle, not a delta")
                .isEqualTo(height);
    }

    @Test
    void aSinceThatIsNotAHeightIsAProblemAndChangesNothing() throws Exception {
        for (String since : new String[] {"-1", "abc", "", "1e3", "99999999999999999999"}) {
            HttpResponse<byte[]> answer = get("/api/v1/offline/bundle?since=" + java.net.URLEncoder.encode(since,
                    java.nio.charset.StandardCharsets.UTF_8), null);
            assertThat(answer.statusCode()).as(since).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(since)
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("since");
        }
    }

    private static VerificationStatus verify(OfflineBundle bundle, SignedCredential credential) {
        return new OfflineVerifier(bundle, Clock.systemUTC()).verify(credential.url("https://verify.example.gov.in"))
                .status();
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Api-Key", clientKey()).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
