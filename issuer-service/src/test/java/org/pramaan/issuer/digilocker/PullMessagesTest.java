package org.pramaan.issuer.digilocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request reader: DigiLocker's fields, and nothing an attacker can make it fetch or expand. */
class PullMessagesTest {

    private static PullRequest read(PullRequest.Kind kind, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return PullMessages.read(kind, PullRequest.Syntax.XML, b, b.length);
    }

    @Test
    void readsTheSpecsPullUriRequest() {
        PullRequest r = read(PullRequest.Kind.PULL_URI, """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <PullURIRequest ver="1.0" ts="2026-12-03T10:00:00+05:30" txn="t1" orgId="org" format="both">
                  <DocDetails>
                    <DocType>INCER</DocType>
                    <DigiLockerId>123e4567-e89b-12d3-a456-426655440000</DigiLockerId>
                    <UID>123456789012</UID>
                    <FullName>Sunil Kumar</FullName>
                    <DOB>31-12-1990</DOB>
                    <UDF1>REV-INC-2026-X</UDF1>
                  </DocDetails>
                </PullURIRequest>""");
        assertThat(r.orgId()).isEqualTo("org");
        assertThat(r.format()).isEqualTo(PullRequest.Format.BOTH);
        assertThat(r.details()).containsExactly(Map.entry("DocType", "INCER"),
                Map.entry("DigiLockerId", "123e4567-e89b-12d3-a456-426655440000"), Map.entry("UID", "123456789012"),
                Map.entry("FullName", "Sunil Kumar"), Map.entry("DOB", "31-12-1990"), Map.entry("UDF1", "REV-INC-2026-X"));
        String answer = new String(PullMessages.write(r, "0", Map.of("UDF1", "a<b&c")), StandardCharsets.UTF_8);
        assertThat(answer).contains("<PullURIResponse><ResponseStatus Status=\"0\" ts=\"2026-12-03T10:00:00+05:30\""
                + " txn=\"t1\"></ResponseStatus><DocDetails><UDF1>a&lt;b&amp;c</UDF1></DocDetails>");
    }

    @Test
    void anAbsentFormatMeansPdf() {
        PullRequest r = read(PullRequest.Kind.PULL_DOC, "<PullDocRequest ver=\"1\" ts=\"t\" txn=\"x\" orgId=\"o\">"
                + "<DocDetails><URI>in.gov.ap.pramaan-INCER-1</URI></DocDetails></PullDocRequest>");
        assertThat(r.format()).isEqualTo(PullRequest.Format.PDF);
    }

    @Test
    void noDtdIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<PullDocRequest ver=\"1\" ts=\"t\" txn=\"x\" orgId=\"o\"><DocDetails><URI>&x;</URI></DocDetails>"
                + "</PullDocRequest>";
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_DOC, xxe)).isInstanceOf(MalformedPullException.class)
                .hasMessageContaining("DTD").hasMessageNotContaining("TOP-SECRET");
        String parameterEntity = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + secret.toUri()
                + "\"> %p;]><PullDocRequest/>";
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_DOC, parameterEntity))
                .isInstanceOf(MalformedPullException.class).hasMessageContaining("DTD");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            laughs.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><PullDocRequest ver=\"1\" ts=\"t\" txn=\"x\" orgId=\"o\"><DocDetails><URI>&j;</URI>"
                + "</DocDetails></PullDocRequest>");
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_DOC, laughs.toString()))
                .isInstanceOf(MalformedPullException.class).hasMessageContaining("DTD");
    }

    @Test
    void refusesWhatIsNotARequest() {
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_URI, "<PullURIRequest ver=\"1\" ts=\"t\" txn=\"x\">"
                + "<DocDetails/></PullURIRequest>")).hasMessageContaining("orgId");
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_URI, "<PullURIRequest ver=\"1\" ts=\"t\" txn=\"x\""
                + " orgId=\"o\"><DocDetails><UDF1>a</UDF1><UDF1>b</UDF1></DocDetails></PullURIRequest>"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_URI, "<PullURIRequest ver=\"1\" ts=\"t\" txn=\"x\""
                + " orgId=\"o\"><DocDetails><UDF1><b>x</b></UDF1></DocDetails></PullURIRequest>"))
                .hasMessageContaining("text only");
        assertThatThrownBy(() -> read(PullRequest.Kind.PULL_URI, "<PullDocRequest/>"))
                .hasMessageContaining("PullURIRequest");
        byte[] json = ("{\"PullURIRequest\": {\"ver\": \"1\", \"ts\": \"t\", \"txn\": \"x\", \"orgId\": \"o\","
                + " \"DocDetails\": {\"UDF1\": {\"nested\": 1}}}}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PullMessages.read(PullRequest.Kind.PULL_URI, PullRequest.Syntax.JSON, json,
                json.length)).hasMessageContaining("must be a string");
    }
}
