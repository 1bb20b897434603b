package org.pramaan.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pramaan.bridge.support.BridgeIntegrationTest;

/**
 * Headless Chromium drives the simulator page like a citizen: language, menu, department, service, the form,
 * submit; then the certificate arrives as a document bubble that opens the PDF, and a photo is verified.
 */
class SimulatorBrowserTest extends BridgeIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser test needs Debian's chromium and chromium-driver: "
                    + "apt-get update && apt-get install -y chromium chromium-driver (missing "
                    + (Files.isExecutable(CHROMIUM) ? CHROMEDRIVER : CHROMIUM) + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=500,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebElement last(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(found.size() - 1);
        });
    }

    private void tapButton(String title) {
        last(By.xpath("//button[contains(@class,'reply-button') and normalize-space()='" + title + "']")).click();
    }

    private void chooseFromList(String rowTitlePrefix) {
        last(By.cssSelector("button.list-open")).click();
        wait.until(d -> d.findElement(By.id("sheet")).isDisplayed());
        last(By.xpath("//button[contains(@class,'list-row') and starts-with(normalize-space(), '"
                + rowTitlePrefix + "')]")).click();
    }

    private void type(String text) {
        WebElement composer = driver.findElement(By.id("composer"));
        composer.sendKeys(text);
        driver.findElement(By.id("send")).click();
    }

    private void awaitBubble(String text) {
        wait.until(d -> d.findElements(By.cssSelector(".bubble.in")).stream()
                .anyMatch(b -> b.getText().contains(text)));
    }

    private int incoming() {
        return driver.findElements(By.cssSelector(".bubble.in")).size();
    }

    @Test
    void aCitizenAppliesReceivesTheCertificateAndVerifiesAPhoto(@TempDir Path tmp) throws Exception {
        String phone = newPhone();
        driver.get(url("/simulator"));
        WebElement phoneField = wait.until(d -> d.findElement(By.id("phone")));
        phoneField.clear();
        phoneField.sendKeys(phone, "\t");
        assertThat(driver.getTitle()).contains("simulator");

        type("Hi");
        tapButton("English");
        awaitBubble("How can I help you today?");
        chooseFromList("Apply for a service");
        awaitBubble("Choose a department");
        chooseFromList("Revenue");
        awaitBubble("Services of Revenue");
        chooseFromList("Income Certificate");
        tapButton("Start application");
        awaitBubble("Question 1 of 4");
        type("Kondapalli Ramesh");
        awaitBubble("Question 2 of 4");
        type("1,20,000");
        awaitBubble("Question 3 of 4");
        type("2341 2341 2346");
        tapButton("Rural");
        awaitBubble("Please check your application");
        tapButton("Submit");
        awaitBubble("Application number");
        await().atMost(Duration.ofSeconds(10)).until(() -> ISSUER.submissions.stream()
                .anyMatch(s -> s.path("phoneNumber").asString("").equals(phone)
                        && s.path("fields").path("ai").asString("").equals("120000")));

        // The department approves; issuer-service notifies the bridge, and the PDF arrives in the chat.
        String certificateId = "REV-INC-2026-" + phone.substring(phone.length() - 7);
        HttpResponse<String> delivered = http.send(HttpRequest.newBuilder(URI.create(url("/internal/v1/deliveries")))
                .header("Authorization", "Bearer " + BRIDGE_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"deliveryId":"%s","type":"ISSUED","certificateId":"%s","phoneNumber":"%s","language":"en",
                         "serviceName":{"en":"Income Certificate","te":"ఆదాయ ధృవీకరణ పత్రం","hi":"आय प्रमाण पत्र"},
                         "pdfUrl":"%s/api/v1/certificates/%s/pdf","verifyUrl":"HTTPS://V/C/X","reason":null}"""
                        .formatted(UUID.randomUUID(), certificateId, phone, ISSUER.baseUrl(), certificateId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delivered.statusCode()).isEqualTo(202);
        WebElement link = last(By.cssSelector(".doc a.doc-link"));
        assertThat(link.getText()).isEqualTo(certificateId + ".pdf");
        // The media route wants the token the page handed the browser (an HttpOnly cookie).
        String token = driver.manage().getCookieNamed(SimulatorGuard.COOKIE).getValue();
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", SimulatorGuard.COOKIE + "=" + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // A photo of a certificate's QR code sent to the number is verified in the chat.
        int before = incoming();
        File photo = tmp.resolve("qr.png").toFile();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo);
        driver.findElement(By.id("file")).sendKeys(photo.getAbsolutePath());
        wait.until(d -> incoming() > before);
        awaitBubble("Genuine");
        // Left in target/ for people reviewing how the chat looks.
        Path shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE)
                .toPath();
        Files.copy(shot, Path.of("target", "simulator-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
