package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import tools.jackson.databind.JsonNode;

class VerifyApiTest extends VerifierIntegrationTest {

    @Test
    void anAnchoredCertificateIsValidWithItsLedgerEvidence() throws Exception {
        SignedCredential credential = revenue().issue("Lakshmi Devi");

        JsonNode answer = verify(credential);

        assertThat(answer.path("status").asString()).isEqualTo("VALID");
        assertThat(answer.path("message").asString()).contains("genuine");
        assertThat(answer.path("certificate").path("id").asString()).isEqualTo(credential.claims().certificateId().toString());
        assertThat(answer.path("certificate").path("holderName").asString()).isEqualTo("Lakshmi Devi");
        assertThat(answer.path("certificate").path("fields").path("ai").asString()).isEqualTo("96000");
        assertThat(answer.path("department").path("code").asString()).isEqualTo("REV");
        assertThat(answer.path("department").path("names").path("en").asString()).isEqualTo("Revenue Department");
        assertThat(answer.path("ledger").path("transactionId").asString()).isNotBlank();
        assertThat(answer.path("ledger").path("anchoredAt").asString()).isNotBlank();
        assertThat(answer.path("ledger").path("fresh").asBoolean()).isTrue();
        // The block number arrives with the CertificateIssued event, which also drops the cached answer.
        await().atMost(Duration.ofSeconds(5)).until(() -> !verify(credential).path("ledger").path("blockNumber").isNull());
        assertThat(verify(credential).path("ledger").path("blockNumber").asLong()).isPositive();
    }

    @Test
    void theMessageIsInTheRequestedLanguage() throws Exception {
        SignedCredential credential = revenue().issue("Ravi Kumar");
        String body = JSON.writeValueAsString(Map.of("qr", revenue().url(credential)));

        JsonNode telugu = JSON.readTree(postJson("/api/v1/verify", body, "te-IN,te;q=0.9,en;q=0.5").body());
        JsonNode hindi = JSON.readTree(postJson("/api/v1/verify", body, "hi").body());

        assertThat(telugu.path("message").asString()).contains("నిజమైనది");
        assertThat(hindi.path("message").asString()).contains("असली");
    }

    @Test
    void aCertificateIssuedMinutesAgoThatTheLedgerHasNotRecordedIsPendingUntilItIsAnchored() throws Exception {
        Instant now = Instant.now();
        SignedCredential credential = revenue().sign(revenue().claims("Fresh Print", now, now.plus(Duration.ofDays(365))));

        JsonNode answer = verify(credential);

        assertThat(answer.path("status").asString()).isEqualTo("PENDING");
        assertThat(answer.path("message").asString()).contains("pending").contains("(India time)");
        assertThat(answer.path("certificate").path("holderName").asString()).isEqualTo("Fresh Print");
        revenue().anchor(credential);
        await().atMost(Duration.ofSeconds(10)).until(() -> verify(credential).path("status").asString().equals("VALID"));
    }

    @Test
    void aSignedButUnanchoredCertificateOlderThanThePendingWindowIsNotAnchored() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofMinutes(10));
        SignedCredential credential = revenue().sign(revenue().claims("Not Anchored", issued,
                issued.plus(Duration.ofDays(365))));

        JsonNode answer = verify(credential);

        assertThat(answer.path("status").asString()).isEqualTo("NOT_ANCHORED");
        assertThat(answer.path("certificate").path("holderName").asString()).isEqualTo("Not Anchored");
    }

    @Test
    void aFutureIssueTimeIsNotPending() throws Exception {
        Instant issued = Instant.now().plus(Duration.ofMinutes(3));
        SignedCredential credential = revenue().sign(revenue().claims("From The Future", issued,
                issued.plus(Duration.ofDays(365))));

        assertThat(verify(credential).path("status").asString()).isEqualTo("NOT_ANCHORED");
    }

    @Test
    void aCertificateReSignedWithOtherContentsIsTampered() throws Exception {
        SignedCredential original = revenue().issue("Original Holder");
        CertificateClaims changed = new CertificateClaims(original.claims().issuer(), original.claims().certificateId(),
                original.claims().issuedAt(), original.claims().expiresAt(),
                new org.pramaan.credential.CertificateBody("INC", "Someone Else", original.claims().body().fields(),
                        original.claims().body().language()));

        JsonNode answer = verify(revenue().sign(changed));

        assertThat(answer.path("status").asString()).isEqualTo("TAMPERED");
        assertThat(answer.path("certificate").isNull()).as("a tampered certificate's contents are not shown").isTrue();
    }

    @Test
    void aChangedCharacterIsNeverValid() throws Exception {
        String url = revenue().url(revenue().issue("One Character"));
        int at = url.length() - 20;
        String changed = url.substring(0, at) + (url.charAt(at) == 'A' ? 'B' : 'A') + url.substring(at + 1);

        assertThat(verify(changed).path("status").asString()).isIn("TAMPERED", "MALFORMED");
    }

    @Test
    void aKeyOutsideTheStateRootIsAnUnknownIssuer() throws Exception {
        CertificateAuthority rogueRoot = CertificateAuthority.createRoot("Rogue", Instant.now().minus(Duration.ofDays(1)),
                Duration.ofDays(365));
        SignedCredential rogue = new CredentialSigner(rogueRoot.issueSigner(DepartmentCode.of("REV"),
                Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(365))).sign(revenue().claims("Rogue"));

        assertThat(verify(rogue).path("status").asString()).isEqualTo("UNKNOWN_ISSUER");
    }

    @Test
    void anExpiredCertificateIsExpired() throws Exception {
        Instant now = Instant.now();
        SignedCredential expired = revenue().sign(revenue().claims("Old", now.minus(Duration.ofHours(20)),
                now.minus(Duration.ofHours(1))));

        assertThat(verify(expired).path("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void aRevocationShowsWithinThreeSeconds() throws Exception {
        SignedCredential credential = revenue().issue("To Be Revoked");
        assertThat(verify(credential).path("status").asString()).isEqualTo("VALID");

        revenue().revoke(credential);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify(credential).path("status").asString().equals("REVOKED"));
        JsonNode answer = verify(credential);
        assertThat(answer.path("ledger").path("revocationReason").asString()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(answer.path("ledger").path("revocationReasonText").asString()).isEqualTo("Issued in error");
        assertThat(answer.path("ledger").path("revokedAt").asString()).isNotBlank();
    }

    @Test
    void aReIssuedCertificateNamesItsReplacement() throws Exception {
        SignedCredential old = revenue().issue("Re Issued");
        SignedCredential replacement = revenue().issue("Re Issued");

        revenue().supersede(old, replacement);

        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify(old).path("status").asString().equals("REVOKED"));
        JsonNode answer = verify(old);
        assertThat(answer.path("ledger").path("revocationReason").asString()).isEqualTo("SUPERSEDED");
        assertThat(answer.path("ledger").path("replacedBy").asString())
                .isEqualTo(replacement.claims().certificateId().toString());
        assertThat(verify(replacement).path("ledger").path("replacedBy").isNull()).isTrue();
        String url = revenue().url(old);
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(
                        uri(url.substring(url.indexOf("/C/")) + "?lang=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Replaced by certificate")
                .contains("id=\"replaced-by\">" + replacement.claims().certificateId());
    }

    /** Hold, release, revoke: each shows within seconds; the reason is the code and its words, never an officer's. */
    @Test
    void aHeldCertificateIsOnHoldUntilReleasedOrRevoked() throws Exception {
        SignedCredential credential = revenue().issue("Held Holder");
        assertThat(verify(credential).path("status").asString()).isEqualTo("VALID");

        revenue().hold(credential);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify(credential).path("status").asString().equals("ON_HOLD"));
        assertThat(verify(credential).path("message").asString()).contains("Do not rely on it until the department decides");
        String body = JSON.writeValueAsString(Map.of("qr", revenue().url(credential)));
        assertThat(JSON.readTree(postJson("/api/v1/verify", body, "te").body()).path("message").asString())
                .contains("శాఖ నిర్ణయించే వరకు");
        assertThat(JSON.readTree(postJson("/api/v1/verify", body, "hi").body()).path("message").asString())
                .contains("विभाग के निर्णय तक");
        JsonNode batch = JSON.readTree(postJson("/api/v1/verify/batch",
                JSON.writeValueAsString(Map.of("qrs", List.of(revenue().url(credential)))), "en").body());
        assertThat(batch.path("results").path(0).path("status").asString()).isEqualTo("ON_HOLD");

        revenue().release(credential);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify(credential).path("status").asString().equals("VALID"));

        revenue().revoke(credential);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify(credential).path("status").asString().equals("REVOKED"));
        JsonNode telugu = JSON.readTree(postJson("/api/v1/verify", body, "te").body());
        assertThat(telugu.path("ledger").path("revocationReason").asString()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(telugu.path("ledger").path("revocationReasonText").asString()).isEqualTo("పొరపాటున జారీ చేయబడింది");
    }

    @Test
    void textThatIsNotOursIsMalformedNotAnError() throws Exception {
        JsonNode answer = verify("https://example.com/not-a-certificate");

        assertThat(answer.path("status").asString()).isEqualTo("MALFORMED");
        assertThat(answer.path("reason").asString()).isNotBlank();
    }

    @Test
    void malformedRequestsAreBadRequestsWithAReason() throws Exception {
        for (String body : List.of("{", "[]", "{\"qr\": 12}", "{}", "null", "{\"qr\":\"x\",\"receipt\":\"maybe\"}")) {
            HttpResponse<String> response = postJson("/api/v1/verify", body, "en");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("detail").asString()).as(body).isNotBlank();
        }
    }

    @Test
    void aBatchAnswersEachTextInOrder() throws Exception {
        SignedCredential valid = revenue().issue("Batch One");
        String body = JSON.writeValueAsString(Map.of("qrs", List.of(revenue().url(valid), "garbage",
                revenue().url(revenue().sign(revenue().claims("Batch Unanchored"))),
                revenue().url(revenue().sign(revenue().claims("Batch Fresh", Instant.now(),
                        Instant.now().plus(Duration.ofDays(365))))))));

        JsonNode results = JSON.readTree(postJson("/api/v1/verify/batch", body, "en").body()).path("results");

        assertThat(results.size()).isEqualTo(4);
        assertThat(results.get(0).path("status").asString()).isEqualTo("VALID");
        assertThat(results.get(1).path("status").asString()).isEqualTo("MALFORMED");
        assertThat(results.get(2).path("status").asString()).as("signed an hour ago, never anchored")
                .isEqualTo("NOT_ANCHORED");
        // Signed a moment ago and not yet anchored: a bank's batch is told PENDING, as the page is.
        assertThat(results.get(3).path("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefused() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            texts.add("X" + i);
        }
        HttpResponse<String> response = postJson("/api/v1/verify/batch", JSON.writeValueAsString(Map.of("qrs", texts)), "en");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("1000");
    }

    @Test
    void certificateIdsAreWellFormed() {
        // Guards the fixture: ids the tests make are ones the ledger accepts.
        assertThat(CertificateId.isValid(revenue().claims("Id Check").certificateId().toString())).isTrue();
    }
}
