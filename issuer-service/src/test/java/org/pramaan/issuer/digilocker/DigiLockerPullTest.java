package org.pramaan.issuer.digilocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.issuer.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DigiLocker pulls certificates through the stand-in client: an approved certificate is found by its number and the
 * holder's Aadhaar name and handed over as the very PDF the citizen gets; every reason to refuse looks the same; and
 * hostile requests (unsigned, another orgId, too large, a DTD, too many) are refused with a problem and change nothing.
 */
class DigiLockerPullTest extends IntegrationTest {

    private static final String INCER = "INCER";

    @Autowired
    MeterRegistry meters;

    @Autowired
    OrgRateLimits rates;

    private DigiLockerStandIn digiLocker() {
        Map<String, String> env = devEnv();
        return new DigiLockerStandIn(port, env.get("DIGILOCKER_ORG_ID"), env.get("DIGILOCKER_API_KEY"));
    }

    private String approvedIncomeCertificate(String name) {
        ApiClient.Answer submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME",
                "language", "en", "phoneNumber", "+91 98765 43210", "fields", Map.of("nm", name, "ai", "96000",
                        "ah", "2341 2341 2346", "pc", "520001", "ct", "BC-A", "db", "1990-08-15"),
                "channelReference", "digilocker-" + java.util.UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        ApiClient.Answer approved = officer("REV").post("/api/v1/applications/"
                + submitted.json().get("id").asString() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("certificateId").asString();
    }

    private DigiLockerStandIn.Answer pulledOnceAnchored(String id, String name, String format) {
        List<DigiLockerStandIn.Answer> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DigiLockerStandIn.Answer a = digiLocker().pullUri(INCER, id, name, format);
            last.add(0, a);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.responseStatus()).as("pending until anchored, then found").isIn("9", "1");
            return "1".equals(a.responseStatus());
        });
        return last.get(0);
    }

    @Test
    void anApprovedCertificateIsPulledAsTheSamePdfTheCitizenGets() throws Exception {
        String id = approvedIncomeCertificate("Kondapalli Ramesh");
        DigiLockerStandIn.Answer found = pulledOnceAnchored(id, "RAMESH  kondapalli", "both");
        String uri = "in.gov.ap.pramaan-INCER-" + id;
        assertThat(found.detail("URI")).isEqualTo(uri);
        assertThat(found.detail("UDF1")).isEqualTo(id);
        assertThat(found.detail("DocType")).isEqualTo(INCER);
        assertThat(found.txn()).startsWith("txn-");
        byte[] citizens = pdfWhenReady(bridge(), id).bytes();
        assertThat(new String(citizens, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(found.decoded("DocContent")).isEqualTo(citizens);

        byte[] data = found.decoded("DataContent");
        String xml = new String(data, StandardCharsets.UTF_8);
        SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        schemas.newSchema(Path.of("../docs/digilocker-certificate.xsd").toFile()).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(data)));
        String qr = bridge().get("/api/v1/certificates/" + id).json().get("qrText").asString();
        assertThat(xml).contains("<Id>" + id + "</Id>", "<URI>" + uri + "</URI>", "<Holder>Kondapalli Ramesh</Holder>",
                qr, "key=\"ai\"", "96000");
        assertThat(xml).as("no Aadhaar number, in any spelling").doesNotContain("2341", "XXXX", "9876543210");

        DigiLockerStandIn.Answer pdfOnly = digiLocker().pullDoc(uri, null, null);
        assertThat(pdfOnly.responseStatus()).as(pdfOnly.body()).isEqualTo("1");
        assertThat(pdfOnly.decoded("DocContent")).isEqualTo(citizens);
        assertThat(pdfOnly.details()).doesNotContainKey("DataContent");
        DigiLockerStandIn.Answer xmlOnly = digiLocker().pullDoc(uri, "K. Ramesh", "xml");
        assertThat(xmlOnly.responseStatus()).as(xmlOnly.body()).isEqualTo("1");
        assertThat(xmlOnly.decoded("DataContent")).isEqualTo(data);
        assertThat(xmlOnly.details()).doesNotContainKey("DocContent");
        DigiLockerStandIn.Answer uriOnlyXml = digiLocker().pullUri(INCER, id.toLowerCase(), "Kondapalli Ramesh", "xml");
        assertThat(uriOnlyXml.responseStatus()).isEqualTo("1");
        assertThat(uriOnlyXml.details()).containsKey("DataContent").doesNotContainKey("DocContent");
    }

    @Test
    void aNameInTeluguMatchesItsEnglishSpellingAndNothingElse() {
        ApiClient.Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "te", "phoneNumber", "9123456781", "fields",
                Map.of("nm", "కొండపల్లి రమేష్", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        // 9 (pending) or 1: the name matched; 0 would be a refusal.
        for (String name : List.of("Kondapalli Ramesh", "KONDAPALLI RAMESH", "Ramesh Kondapalli", "K Ramesh",
                "Kondapalli  R.")) {
            assertThat(digiLocker().pullUri(INCER, id, name, "pdf").responseStatus()).as(name).isIn("1", "9");
        }
        for (String name : List.of("Ramesh Kumar", "Kondapalli", "Suresh Kondapalli", "K R", "")) {
            assertThat(digiLocker().pullUri(INCER, id, name, "pdf").responseStatus()).as(name).isEqualTo("0");
        }
    }

    @Test
    void everyRefusalLooksTheSame() {
        String id = approvedIncomeCertificate("Gadde Lakshmi");
        pulledOnceAnchored(id, "Gadde Lakshmi", "pdf");
        String held = approvedIncomeCertificate("Gadde Lakshmi");
        pulledOnceAnchored(held, "Gadde Lakshmi", "pdf");
        assertThat(officer("REV").post("/api/v1/certificates/" + held + "/hold", Map.of("code", "UNDER_SCRUTINY"))
                .status()).isEqualTo(200);
        String revoked = approvedIncomeCertificate("Gadde Lakshmi");
        pulledOnceAnchored(revoked, "Gadde Lakshmi", "pdf");
        assertThat(officer("REV").post("/api/v1/certificates/" + revoked + "/revoke", Map.of("code", "FRAUD",
                "reason", "forged")).status()).isEqualTo(200);
        String unknown = id.substring(0, id.length() - 6) + "ZZZZZZ";

        List<String> bodies = new ArrayList<>();
        bodies.add(shape(digiLocker().pullUri(INCER, unknown, "Gadde Lakshmi", "both")));
        bodies.add(shape(digiLocker().pullUri(INCER, id, "Gadde Saraswati", "both")));
        bodies.add(shape(digiLocker().pullUri("CASCER", id, "Gadde Lakshmi", "both")));
        bodies.add(shape(digiLocker().pullUri(INCER, held, "Gadde Lakshmi", "both")));
        bodies.add(shape(digiLocker().pullUri(INCER, revoked, "Gadde Lakshmi", "both")));
        assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
        assertThat(bodies.get(0)).contains("Status=\"0\"").doesNotContain("<URI>", "DocContent", "DataContent");

        for (String doc : List.of(held, revoked, unknown)) {
            DigiLockerStandIn.Answer a = digiLocker().pullDoc("in.gov.ap.pramaan-INCER-" + doc, null, "both");
            assertThat(a.responseStatus()).isEqualTo("0");
            assertThat(a.details()).isEmpty();
        }
        assertThat(digiLocker().pullDoc("in.gov.ap.pramaan-CASCER-" + id, null, "both").responseStatus())
                .as("the URI's document type is checked").isEqualTo("0");
        assertThat(digiLocker().pullDoc("in.gov.other-INCER-" + id, null, "both").responseStatus()).isEqualTo("0");
        assertThat(digiLocker().pullDoc("in.gov.ap.pramaan-INCER-" + id, "Someone Else", "both").responseStatus())
                .isEqualTo("0");
        assertThat(digiLocker().pullDoc("in.gov.ap.pramaan-INCER-" + id, null, "both").responseStatus())
                .isEqualTo("1");
    }

    /** The body with what the request itself chose (the number, the name, the type, ts, txn) blanked. */
    private static String shape(DigiLockerStandIn.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        String body = a.body();
        for (String echoed : List.of(a.ts(), a.txn(), a.detail("UDF1"), a.detail("FullName"), a.detail("DocType"))) {
            if (echoed != null && !echoed.isEmpty()) {
                body = body.replace(echoed, "~");
            }
        }
        return body;
    }

    @Test
    void aCertificateTypeNotOfferedToDigiLockerIsNotFound() {
        ApiClient.Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service",
                "REV-RESIDENCE", "language", "en", "phoneNumber", "9123456781", "fields",
                Map.of("nm", "Pulla Rao", "vi", "Guntur", "yr", "2010")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        for (String docType : List.of("RESCER", "INCER", "")) {
            assertThat(digiLocker().pullUri(docType, id, "Pulla Rao", "pdf").responseStatus()).as(docType)
                    .isEqualTo("0");
        }
    }

    @Test
    void aWrongOrMissingSignatureOrOrgIdIsRefusedAlikeAndCounted() {
        DigiLockerStandIn good = digiLocker();
        byte[] body = good.xml("PullURIRequest", "pdf", Map.of("DocType", INCER, "UDF1", "REV-INC-2026-X",
                "FullName", "Anyone"));
        double failures = meters.counter("pramaan.sign_in.failures").count();
        List<DigiLockerStandIn.Answer> refused = List.of(
                good.send("/digilocker/pull-uri", body, "application/xml", null),
                good.send("/digilocker/pull-uri", body, "application/xml", "not base64 at all!"),
                good.withKey("another-key-of-sufficient-length").send("/digilocker/pull-uri", body),
                good.send("/digilocker/pull-uri", body, "application/xml", good.hmac((new String(body,
                        StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8))),
                good.withOrgId("someone-else").pullUri(INCER, "REV-INC-2026-X", "Anyone", "pdf"),
                good.withOrgId("someone-else").pullDoc("in.gov.ap.pramaan-INCER-X", null, "pdf"));
        for (DigiLockerStandIn.Answer a : refused) {
            assertThat(a.status()).as(a.body()).isEqualTo(401);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).isEqualTo(refused.get(0).body()).doesNotContain("REV-INC");
        }
        assertThat(meters.counter("pramaan.sign_in.failures").count() - failures).isEqualTo(refused.size());
        // An officer's or client's credentials open nothing here.
        ApiClient.Answer officer = officer("REV").post("/digilocker/pull-uri", Map.of());
        assertThat(officer.status()).as(officer.body()).isEqualTo(401);
        assertThat(anonymous().get("/digilocker/pull-uri").status()).isIn(401, 403);
    }

    @Test
    void hostileBodiesAreRefusedBeforeAnythingIsLookedUp() throws Exception {
        DigiLockerStandIn d = digiLocker();
        String orgId = devEnv().get("DIGILOCKER_ORG_ID");
        byte[] big = d.xml("PullURIRequest", "pdf", Map.of("DocType", INCER, "UDF1", "x".repeat(17_000)));
        DigiLockerStandIn.Answer tooLarge = d.send("/digilocker/pull-uri", big);
        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("16384");
        RawHttp.Answer chunked = RawHttp.chunked("127.0.0.1", port, "/digilocker/pull-uri", "application/xml",
                "x-digilocker-hmac: " + d.hmac(big) + "\r\n", 17, i -> java.util.Arrays.copyOfRange(big,
                        i * 1024, Math.min(big.length, (i + 1) * 1024)));
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);

        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">]>"
                + "<PullURIRequest ver=\"1.0\" ts=\"t\" txn=\"x\" orgId=\"" + orgId + "\" format=\"pdf\"><DocDetails>"
                + "<DocType>INCER</DocType><UDF1>&lol9;</UDF1><FullName>A</FullName></DocDetails></PullURIRequest>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<PullURIRequest ver=\"1.0\" ts=\"t\" txn=\"x\" orgId=\"" + orgId + "\" format=\"pdf\"><DocDetails>"
                + "<DocType>INCER</DocType><UDF1>&xxe;</UDF1><FullName>A</FullName></DocDetails></PullURIRequest>";
        for (String hostile : List.of(laughs, xxe)) {
            byte[] bytes = hostile.getBytes(StandardCharsets.UTF_8);
            DigiLockerStandIn.Answer a = d.send("/digilocker/pull-uri", bytes);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body()).contains("DTD").doesNotContain("root:", "lol");
        }
        DigiLockerStandIn.Answer notXml = d.send("/digilocker/pull-uri", "<PullURIRequest".getBytes());
        assertThat(notXml.status()).isEqualTo(400);
        DigiLockerStandIn.Answer badFormat = d.send("/digilocker/pull-uri", d.xml("PullURIRequest", "docx",
                Map.of("DocType", INCER, "UDF1", "X", "FullName", "A")));
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.body()).contains("format must be xml, pdf or both");
        DigiLockerStandIn.Answer wrongCall = d.send("/digilocker/pull-doc", d.xml("PullURIRequest", "pdf",
                Map.of("DocType", INCER)));
        assertThat(wrongCall.status()).isEqualTo(400);
        assertThat(wrongCall.body()).contains("PullDocRequest");
        byte[] text = "hello".getBytes();
        assertThat(d.send("/digilocker/pull-uri", text, "text/plain", d.hmac(text)).status()).isEqualTo(415);
    }

    @Test
    void jsonRequestsAreAnsweredInJson() {
        DigiLockerStandIn d = digiLocker();
        String orgId = devEnv().get("DIGILOCKER_ORG_ID");
        byte[] json = ("{\"PullURIRequest\":{\"ver\":\"1.0\",\"ts\":\"2026-12-03T10:00:00Z\",\"txn\":\"j-1\","
                + "\"orgId\":\"" + orgId + "\",\"format\":\"pdf\",\"DocDetails\":{\"DocType\":\"INCER\","
                + "\"DigiLockerId\":\"" + DigiLockerStandIn.DIGILOCKER_ID + "\",\"FullName\":\"Nobody\","
                + "\"UDF1\":\"REV-INC-2026-NOTHING\"}}}").getBytes(StandardCharsets.UTF_8);
        DigiLockerStandIn.Answer a = d.send("/digilocker/pull-uri", json, "application/json", d.hmac(json));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.contentType()).startsWith("application/json");
        assertThat(a.body()).contains("\"PullURIResponse\"", "\"Status\":\"0\"", "\"txn\":\"j-1\"",
                "\"UDF1\":\"REV-INC-2026-NOTHING\"");
    }

    @Test
    void callsAreThrottledPerOrgId() {
        DigiLockerStandIn d = digiLocker();
        String orgId = devEnv().get("DIGILOCKER_ORG_ID");
        DigiLockerStandIn.Answer throttled = null;
        // The orgId's budget spent here (a second's worth in the tests), then DigiLocker calls; should the window
        // turn in between, the call passes and the budget is spent again.
        for (int attempt = 0; attempt < 5 && throttled == null; attempt++) {
            for (int i = 0; i < 1000 && rates.spend(orgId).isEmpty(); i++) {
                assertThat(i).as("the budget is bounded").isLessThan(999);
            }
            DigiLockerStandIn.Answer a = d.pullDoc("in.gov.ap.pramaan-INCER-REV-INC-2026-NONE", null, "pdf");
            if (a.status() == 429) {
                throttled = a;
            } else {
                assertThat(a.status()).as(a.body()).isEqualTo(200);
            }
        }
        assertThat(throttled).as("refused once the orgId's calls are spent").isNotNull();
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(throttled.body()).contains("rate-limited");
        // The budget comes back with the window.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                d.pullDoc("in.gov.ap.pramaan-INCER-REV-INC-2026-NONE", null, "pdf").status() == 200);
    }
}
