package org.pramaan.issuer.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.IntegrationTest;

/**
 * The console in its three languages: every English message has its Telugu and Hindi one (and no language has a key
 * the others lack), the Hindi messages are Hindi, and an officer who picks Hindi gets the pages in Hindi, service
 * names, statuses and service levels included, the choice remembered from page to page.
 */
class ConsoleLanguagesTest extends IntegrationTest {

    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");

    @Test
    void everyEnglishMessageHasItsTeluguAndHindiOne() {
        Properties english = messages("console.properties");
        for (String file : new String[] {"console_te.properties", "console_hi.properties"}) {
            Properties other = messages(file);
            assertThat(other.stringPropertyNames()).as("%s has every English key and no other", file)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(other.getProperty(key)).as("%s: %s", file, key).isNotBlank();
                assertThat(arguments(other.getProperty(key))).as("%s: %s keeps the arguments", file, key)
                        .isEqualTo(arguments(english.getProperty(key)));
            }
        }
        Properties hindi = messages("console_hi.properties");
        Set<String> notHindi = hindi.stringPropertyNames().stream()
                .filter(k -> !DEVANAGARI.matcher(hindi.getProperty(k)).find())
                .collect(Collectors.toSet());
        assertThat(notHindi).as("Hindi messages written in Devanagari").isEmpty();
    }

    @Test
    void hindiServiceLevelsReadNaturally() {
        Properties hindi = messages("console_hi.properties");
        Locale hi = Locale.forLanguageTag("hi");
        assertThat(new MessageFormat(hindi.getProperty("due.daysLeft"), hi).format(new Object[] {1})).isEqualTo("1 दिन शेष");
        assertThat(new MessageFormat(hindi.getProperty("due.daysLeft"), hi).format(new Object[] {6})).isEqualTo("6 दिन शेष");
        assertThat(new MessageFormat(hindi.getProperty("due.hoursLeft"), hi).format(new Object[] {0}))
                .isEqualTo("एक घंटे से कम शेष");
        assertThat(new MessageFormat(hindi.getProperty("due.overdueHours"), hi).format(new Object[] {5}))
                .isEqualTo("5 घंटे की देरी");
        assertThat(new MessageFormat(hindi.getProperty("due.overdueDays"), hi).format(new Object[] {3}))
                .isEqualTo("3 दिन की देरी");
    }

    @Test
    void anOfficerWhoPicksHindiGetsThePagesInHindi() throws Exception {
        // An income certificate waits for an officer's decision (a residence one is approved automatically).
        String id = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "hi",
                "phoneNumber", "919000000417", "fields", Map.of("nm", "Hindi Console Citizen", "ai", "96000",
                        "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15")))
                .json().get("id").asString();
        HttpClient http = signedIn();
        String login = page(http, "/console/login");
        assertThat(login).as("the switch offers Hindi").contains("lang=hi", "हिन्दी");

        String dashboard = page(http, "/console?lang=hi");
        assertThat(dashboard).contains("डैशबोर्ड", "निर्णय की प्रतीक्षा में", "साइन आउट", "हिन्दी")
                .doesNotContain("Waiting for decision", "Sign out");
        String applications = page(http, "/console/applications");
        assertThat(applications).as("the cookie remembers Hindi").contains("आवेदन", "खोजें")
                .doesNotContain(">Search<");
        String application = page(http, "/console/applications/" + id);
        assertThat(application).contains("आय प्रमाण पत्र", "निर्णय की प्रतीक्षा में", "स्वीकृत करें और जारी करें",
                "शेष").doesNotContain("Income Certificate", "Waiting for decision");

        assertThat(page(http, "/console?lang=en")).contains("Dashboard", "Waiting for decision");
        assertThat(page(http, "/console?lang=te")).contains("డాష్‌బోర్డ్");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.pramaan.service.storage.StorageAutoConfiguration.EmbeddedStore store;

    /** A certificate approved moments ago: its page says the PDF is being prepared, and its download answers 409. */
    @Test
    void aCertificateWhosePdfIsBeingPreparedSaysSoInEachLanguage() throws Exception {
        HttpClient http = signedIn();
        String id;
        store.proxy().stop(); // holds the rendering worker back: it renders, cannot store, and retries
        try {
            var issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                    "language", "en", "phoneNumber", "919000000418", "fields", Map.of("nm", "Pending Pdf Citizen",
                            "ai", "96000", "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15")));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            id = issued.json().get("id").asString();
            Properties en = messages("console.properties");
            Properties te = messages("console_te.properties");
            Properties hi = messages("console_hi.properties");
            assertThat(page(http, "/console/certificates/" + id + "?lang=en")).contains(en.getProperty("certificate.pdfPending"))
                    .doesNotContain("id=\"pdf\"");
            assertThat(page(http, "/console/certificates/" + id + "?lang=te")).contains(te.getProperty("certificate.pdfPending"));
            assertThat(page(http, "/console/certificates/" + id + "?lang=hi")).contains(hi.getProperty("certificate.pdfPending"));
            HttpResponse<String> download = http.send(HttpRequest.newBuilder(uri("/console/certificates/" + id + "/pdf"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(download.statusCode()).as(download.body()).isEqualTo(409);
            assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(download.body()).contains("pdf-pending");
            assertThat(download.headers().firstValue("Retry-After")).isPresent();
        } finally {
            store.proxy().start();
        }
        assertThat(pdfWhenReady(departmentSystem("REV"), id).status()).isEqualTo(200);
        assertThat(page(http, "/console/certificates/" + id + "?lang=en")).contains("id=\"pdf\"");
    }

    /** The development REV officer, signed in through the console's form (a session, as people use it). */
    private HttpClient signedIn() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page(http, "/console/login"));
        assertThat(csrf.find()).isTrue();
        Map<String, String> env = devEnv();
        String form = "username=" + enc(env.get("ISSUER_OFFICER_REV_USER")) + "&password="
                + enc(env.get("ISSUER_OFFICER_REV_PASSWORD")) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(uri("/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElse("")).endsWith("/console");
        return http;
    }

    private String page(HttpClient http, String path) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The argument indexes a message uses ({0}, {1}, ...). */
    private static Set<String> arguments(String message) {
        return Pattern.compile("\\{(\\d+)").matcher(message).results().map(m -> m.group(1))
                .collect(Collectors.toSet());
    }

    private static Properties messages(String file) {
        try (InputStream in = ConsoleLanguagesTest.class.getResourceAsStream("/messages/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
