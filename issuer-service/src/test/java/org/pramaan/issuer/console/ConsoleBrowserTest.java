package org.pramaan.issuer.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pramaan.issuer.support.HeadlessConsoleBrowser;
import org.pramaan.issuer.support.IntegrationTest;

/**
 * An officer works the console in headless Chromium with JavaScript switched off (the console needs none: every
 * confirmation is a page of its own): approves, rejects and revokes after confirming, reads statuses, reasons and
 * service levels in the console's language, and finds applications by phone number and reference.
 */
class ConsoleBrowserTest extends IntegrationTest {

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessConsoleBrowser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerSignsInAndApprovesAnApplicationAfterConfirming() {
        String phone = "98765" + String.format("%05d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000));
        var submitted = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "te",
                "phoneNumber", phone, "fields", Map.of("nm", "Browser Tester", "ai", "120000",
                        "ah", "2341 2341 2346", "pc", "522002"))).json();
        String id = submitted.get("id").asString();
        String reference = submitted.get("reference").asString();
        WebDriverWait wait = signIn("te");

        assertThat(browser.findElement(By.id("queue")).getText()).as("the queue says days, not hours")
                .containsPattern("[0-9]+ రోజులు మిగిలి ఉన్నాయి").doesNotContainPattern("1[0-9]{2} గంటలు");
        browser.get(url("/console/applications/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        assertThat(browser.findElement(By.id("reference")).getText()).isEqualTo(reference);
        assertThat(browser.findElement(By.id("phone")).getText())
                .isEqualTo("+91 \u2022\u2022\u2022\u2022\u2022 \u2022\u2022" + phone.substring(7));
        assertThat(browser.getPageSource()).doesNotContain(phone).doesNotContain(phone.substring(3));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("నిర్ణయం కోసం వేచి ఉంది");
        assertThat(browser.findElement(By.id("due")).getText()).matches("[0-9]+ రోజులు మిగిలి ఉన్నాయి");
        assertThat(browser.findElement(By.id("documents")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("history")).getText()).contains("సమర్పించబడింది")
                .containsPattern("[0-3][0-9]-[01][0-9]-20[0-9]{2} [0-2][0-9]:[0-5][0-9]");

        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("ఈ దరఖాస్తును ఆమోదించాలా?");
        assertThat(browser.findElement(By.id("confirm-subject")).getText()).isEqualTo(reference);
        browser.findElement(By.id("cancel")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        assertThat(browser.findElement(By.id("status")).getText()).as("cancelling changes nothing")
                .isEqualTo("నిర్ణయం కోసం వేచి ఉంది");

        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "ధృవీకరణ పత్రం జారీ అయింది"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("ఆమోదించబడింది");
        String certificateId = browser.findElement(By.id("certificate-link")).getText();
        assertThat(certificateId).startsWith("REV-INC-");
        assertThat(browser.findElement(By.id("history")).getText()).contains("officer:rev-officer")
                .contains("ఆమోదించబడింది").doesNotContain("ISSUED").doesNotContain("APPROVED");

        // Revoking asks too, and names the reason in Telugu; the certificate then reads as revoked, in Telugu.
        browser.get(url("/console/certificates/" + certificateId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("code"))).selectByValue("DATA_CORRECTED");
        assertThat(browser.findElement(By.id("code")).getText()).contains("వివరాలు సరిదిద్ది కొత్త పత్రం ఇవ్వబడింది")
                .doesNotContain("DATA_CORRECTED");
        browser.findElement(By.id("revoke-reason")).sendKeys("Income corrected after enquiry");
        browser.findElement(By.id("revoke")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-reason")).getText())
                .isEqualTo("వివరాలు సరిదిద్ది కొత్త పత్రం ఇవ్వబడింది");
        assertThat(browser.findElement(By.id("confirm-subject")).getText()).isEqualTo(certificateId);
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("certificate-status"), "data-status", "REVOKED"));
        assertThat(browser.findElement(By.id("certificate-status")).getText()).isEqualTo("రద్దు చేయబడింది");
        assertThat(browser.findElement(By.id("revocation-code")).getText())
                .isEqualTo("వివరాలు సరిదిద్ది కొత్త పత్రం ఇవ్వబడింది");
    }

    @Test
    void officerRejectsWithAReasonCodeAfterConfirming() {
        String id = submit("9" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current()
                .nextLong(1_000_000_000L)));
        WebDriverWait wait = signIn("en");
        browser.get(url("/console/applications/" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reject")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Waiting for decision");
        assertThat(browser.findElement(By.id("due")).getText()).matches("[0-9]+ days left");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("reject-code")))
                .selectByValue("DOCUMENTS_MISSING");
        browser.findElement(By.id("reject-note")).sendKeys("Attach the income proof");
        browser.findElement(By.id("reject")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm-title")).getText()).isEqualTo("Reject this application?");
        assertThat(browser.findElement(By.id("confirm-reason")).getText()).isEqualTo("Required documents are missing");
        browser.findElement(By.id("confirm")).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "Rejected"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("Required documents are missing")
                .contains("Attach the income proof").contains("officer:rev-officer");
        var answer = officer("REV").get("/api/v1/applications/" + id).json();
        assertThat(answer.get("rejectionCode").asString()).isEqualTo("DOCUMENTS_MISSING");
    }

    @Test
    void officerFindsAnApplicationByPhoneNumberOrItsLastDigitsOrItsReference() {
        String phone = "9" + String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String id = submit(phone);
        String reference = officer("REV").get("/api/v1/applications/" + id).json().get("reference").asString();
        WebDriverWait wait = signIn("en");
        for (String q : java.util.List.of(phone.substring(6), "+91 " + phone, reference.toLowerCase())) {
            browser.get(url("/console/applications"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("q"))).sendKeys(q);
            browser.findElement(By.id("search")).click();
            // The search is a form GET: wait for the new page (its address carries q) before looking in it; looking
            // while the old page was torn down failed once in CI ("Node ... does not belong to the document").
            wait.until(ExpectedConditions.urlContains("q="));
            wait.ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
            assertThat(browser.findElements(By.className("result-reference")))
                    .as("searching by %s", q.length()).extracting(org.openqa.selenium.WebElement::getText)
                    .contains(reference);
            assertThat(browser.findElement(By.id("results")).getText()).contains("Waiting for decision")
                    .doesNotContain("SUBMITTED");
        }
        browser.get(url("/console/applications?q=0000-0000"));
        assertThat(browser.findElement(By.id("no-results")).getText()).startsWith("Nothing found");
    }

    private String submit(String phone) {
        return bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", phone, "fields", Map.of("nm", "Browser Tester", "ai", "120000",
                        "ah", "2341 2341 2346", "pc", "522002"))).json().get("id").asString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs the REV officer in with the console in {@code lang}; the wait to use on its pages. */
    private WebDriverWait signIn(String lang) {
        Map<String, String> env = devEnv();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/console/login?lang=" + lang));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("te".equals(lang) ? "సైన్ ఇన్" : "Sign in");
        browser.findElement(By.id("username")).sendKeys(env.get("ISSUER_OFFICER_REV_USER"));
        browser.findElement(By.id("password")).sendKeys(env.get("ISSUER_OFFICER_REV_PASSWORD"));
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-dashboard")));
        return wait;
    }
}
