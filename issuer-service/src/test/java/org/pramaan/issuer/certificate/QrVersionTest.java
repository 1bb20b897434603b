package org.pramaan.issuer.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.credential.Language;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import org.pramaan.credential.qr.QrCode;
import org.pramaan.issuer.pdf.CertificateQr;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.catalog.CatalogConfiguration;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.issuer.pdf.CertificateDocument.Signatory;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;

/**
 * Issue 13 item 10: with the officer, the English spelling of the name and the signing date on the page, the
 * printed QR code stays at version 15 or lower. Every certificate service of the shipped catalog is issued
 * (claims, signature, PDF) with long realistic Telugu values for each of its fields (Telugu takes three bytes
 * a letter), as the citizen's language. At error correction M most of them need version 16 or 17; the
 * certificate falls back to L for those ({@link CertificateQr}), and the largest, the family member
 * certificate, is asserted exactly at the version ZXing chose, so a change that grows the credential shows
 * here first.
 */
class QrVersionTest {

    /** 40 letters: the credential's own long sample name. */
    static final String LONG_NAME = "కొండపల్లి వెంకట లక్ష్మీ సత్యనారాయణమూర్తి";
    static final String LONG_RELATIVE = "కొండపల్లి రామచంద్ర రావు";
    /** Realistic long values by field key: the state's longest district name, a long village and mandal. */
    static final Map<String, String> PLACES = Map.of(
            "ds", "శ్రీ పొట్టి శ్రీరాములు నెల్లూరు",
            "md", "విజయవాడ గ్రామీణ",
            "vl", "వెంకటేశ్వరపురం",
            "ad", "12-3-45, గాంధీ నగర్, విజయవాడ");
    static final String OTHER_TEXT = "ప్రభుత్వ ఆసుపత్రి, విజయవాడ";

    static Catalog catalog;
    static CertificateIssuer issuer;

    @BeforeAll
    static void issuer() throws Exception {
        Path home = org.pramaan.issuer.support.TestHome.create("qr-version");
        catalog = CatalogConfiguration.load("classpath:catalog");
        IssuerProperties properties = new IssuerProperties(home, "https://verify.pramaan.ap.gov.in",
                "http://localhost:8081", new IssuerProperties.Catalog("classpath:catalog"),
                new IssuerProperties.Ledger(Path.of("connection.json"), new IssuerProperties.LedgerDeadlines(null, null,
                        null, null), 50, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2), 1, 20,
                        Duration.ofMinutes(5)),
                new IssuerProperties.Keys(true, Map.of(), Map.of()),
                new IssuerProperties.Bridge("http://localhost:8083", "", Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                        20, Duration.ofMinutes(2), Duration.ofSeconds(10)), false);
        issuer = new CertificateIssuer(catalog, new SignerKeys(properties, catalog, Clock.systemUTC())::signer,
                new CertificatePdfRenderer(CertificateFonts.discover())::render, null, Clock.systemUTC(), properties);
    }

    @Test
    void theLongestRealisticCertificateStaysAtQrVersion15OrLower() {
        record Issued(String service, int version, ErrorCorrectionLevel level, int versionAtM, int characters) {
        }
        List<Issued> issued = catalog.services().stream().filter(s -> s.certificate() != null)
                .map(service -> {
                    String qr = issuer.prepare(longest(service)).certificate().qrText();
                    QrCode printed = CertificateQr.encode(qr);
                    assertThat(printed.mode()).isEqualTo(Mode.ALPHANUMERIC);
                    return new Issued(service.code(), printed.version(), printed.errorCorrection(),
                            QrCode.encode(qr, ErrorCorrectionLevel.M).version(), qr.length());
                })
                .sorted(Comparator.comparingInt(Issued::characters).reversed()).toList();
        Issued largest = issued.get(0);

        assertThat(issued).as(issued.toString()).allSatisfy(i -> {
            assertThat(i.version()).as(i.toString()).isLessThanOrEqualTo(CertificateQr.MAX_VERSION);
            // M wherever M fits version 15; L only where it does not.
            assertThat(i.level()).as(i.toString())
                    .isEqualTo(i.versionAtM() <= CertificateQr.MAX_VERSION ? ErrorCorrectionLevel.M : ErrorCorrectionLevel.L);
        });
        // The longest: the family member certificate (two long names, a date, four places), about 720 characters.
        assertThat(largest.service()).isEqualTo("REV-FAMILY-MEMBER");
        assertThat(largest.version()).as(largest.toString()).isEqualTo(15);
        assertThat(largest.level()).as(largest.toString()).isEqualTo(ErrorCorrectionLevel.L);
    }

    /** The version 15, level L symbol of the longest certificate reads back from its printed page (150 dpi). */
    @Test
    void theLongestCertificatesQrCodeReadsBackFromThePage() throws Exception {
        ServiceDefinition service = catalog.service("REV-FAMILY-MEMBER").orElseThrow();
        CertificateIssuer.Prepared prepared = issuer.prepare(longest(service));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(prepared.pdf())) {
            java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(document)
                    .renderImageWithDPI(0, 150);
            assertThat(org.pramaan.credential.qr.QrImageReader.read(page)).contains(prepared.certificate().qrText());
        }
    }

    /** Every field of the service's form filled as long as a real Telugu applicant's would be. */
    static IssueCommand longest(ServiceDefinition service) {
        CertificateForm form = service.certificate();
        Map<String, String> fields = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            fields.put(field.key(), value(field));
        }
        return new IssueCommand(service, LONG_NAME, fields, Language.TE, PhoneNumber.parse("9876543210"), null,
                new Signatory("Kondapalli Srinivasa Rao", "Deputy Tahsildar, Vijayawada Rural"));
    }

    private static String value(FormField field) {
        String value = switch (field.type()) {
            case NAME -> field.key().equals(CertificateForm.HOLDER_NAME) ? LONG_NAME : LONG_RELATIVE;
            case TEXT -> PLACES.getOrDefault(field.key(), OTHER_TEXT);
            case VILLAGE -> PLACES.get("vl");
            case DISTRICT -> PLACES.get("ds");
            case MONEY -> "12500000";
            case NUMBER -> "100";
            case DATE -> "1990-08-15";
            case YEAR -> "2009";
            case PIN -> "524001";
            case AADHAAR -> "234123412346";
            case PHONE -> "9876543210";
            case ENUM -> field.validation().options().stream().map(o -> o.value())
                    .max(Comparator.comparingInt(String::length)).orElse("X");
        };
        Integer max = field.validation().maxLength();
        return max != null && value.length() > max ? value.substring(0, max).strip() : value;
    }
}
