package org.pramaan.verifier.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.DepartmentIssuer;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A department's key withdrawn from a past instant (a compromise found later): what it signed before
 * stays VALID; what it signed from then on is refused with "the department withdrew the key that
 * signed this on DATE", in Telugu, English and Hindi.
 */
class KeyWithdrawnTest extends VerifierIntegrationTest {

    @Test
    void whatTheKeySignedAfterItsWithdrawalSaysSoWithTheDateInEachLanguage() throws Exception {
        DepartmentIssuer department = DepartmentIssuer.open(dataSource, Path.of("target/test-home"), "LAB",
                "Labour Department");
        await().atMost(Duration.ofSeconds(10)).until(() -> trustedIssuers.current().department("LAB").isPresent());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(Duration.ofDays(365));
        SignedCredential before = department.issue(department.claims("Before Withdrawal", now.minusSeconds(120), expires));
        SignedCredential after = department.issue(department.claims("After Withdrawal", now.minusSeconds(30), expires));
        Instant from = now.minusSeconds(60);

        department.withdrawKey(from);
        String url = department.url(after);
        await().atMost(Duration.ofSeconds(15)).until(() -> "UNKNOWN_ISSUER".equals(verify(url).path("status").asString()));

        String date = LocalDate.ofInstant(from, ZoneId.of("Asia/Kolkata")).toString();
        JsonNode english = verify(url);
        assertThat(english.path("message").asString()).contains("withdrew the key that signed this on " + date);
        assertThat(english.path("reason").asString()).isEqualTo("the department withdrew the key that signed this on " + date);
        assertThat(message(url, "te")).contains("ఉపసంహరించుకుంది").contains(date);
        assertThat(message(url, "hi")).contains("वापस ले ली").contains(date);
        assertThat(verify(department.url(before)).path("status").asString()).as("signed before: still genuine")
                .isEqualTo("VALID");
    }

    private String message(String url, String language) throws Exception {
        var response = postJson("/api/v1/verify", JSON.writeValueAsString(Map.of("qr", url)), language);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("message").asString();
    }
}
