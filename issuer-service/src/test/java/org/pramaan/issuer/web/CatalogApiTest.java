package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/catalog: public, nested by department as interfaces.md shows, and cacheable by ETag. */
class CatalogApiTest extends IntegrationTest {

    @Test
    void theCatalogIsNestedByDepartment() {
        Answer answer = anonymous().get("/api/v1/catalog");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode root = answer.json();
        assertThat(root.has("services")).as("no flat service list beside the departments").isFalse();
        JsonNode departments = root.get("departments");
        assertThat(departments.valueStream().map(d -> d.get("code").asString()).toList()).containsExactly("REV", "MAUD");
        JsonNode rev = departments.get(0);
        assertThat(rev.get("names").get("te").asString()).isEqualTo("రెవెన్యూ శాఖ");
        assertThat(rev.get("services").valueStream().map(s -> s.get("code").asString()).toList())
                .containsExactly("REV-INCOME", "REV-CASTE", "REV-RESIDENCE");
        // Supporting documents: the one the chat asks for with its key, flag and kinds; a listed one with its labels.
        JsonNode casteDocuments = rev.get("services").get(1).get("certificate").get("documents");
        assertThat(casteDocuments.get(0).get("key").isNull()).isTrue();
        assertThat(casteDocuments.get(0).get("labels").get("te").asString()).isEqualTo("ఆధార్ కార్డు");
        assertThat(casteDocuments.get(1).get("key").asString()).isEqualTo("caste");
        assertThat(casteDocuments.get(1).get("required").asBoolean()).isTrue();
        assertThat(casteDocuments.get(1).get("kinds").valueStream().map(JsonNode::asString).toList())
                .containsExactly("image", "pdf");
        assertThat(departments.get(1).get("services").valueStream().map(s -> s.get("code").asString()).toList())
                .containsExactly("MAUD-PROPERTY-TAX");

        JsonNode income = rev.get("services").get(0);
        assertThat(income.get("kind").asString()).isEqualTo("certificate");
        assertThat(income.get("names").get("en").asString()).isEqualTo("Income Certificate");
        assertThat(income.get("descriptions").has("hi")).isTrue();
        assertThat(income.get("information").isNull()).isTrue();
        JsonNode form = income.get("certificate");
        assertThat(form.get("type").asString()).isNotBlank();
        assertThat(form.get("approval").asString()).isEqualTo("officer");
        assertThat(form.get("serviceLevelDays").asInt()).isPositive();
        JsonNode aadhaar = form.get("fields").valueStream().filter(f -> f.get("key").asString().equals("ah"))
                .findFirst().orElseThrow();
        assertThat(aadhaar.get("onCertificate").asBoolean()).isFalse();
        assertThat(aadhaar.get("labels").get("te").asString()).isNotBlank();
        assertThat(aadhaar.has("validation")).isTrue();

        // Every service carries the four keyword lists, empty when the catalog has none.
        for (JsonNode department : departments) {
            for (JsonNode service : department.get("services")) {
                assertThat(service.get("keywords").propertyNames()).as(service.get("code").asString())
                        .containsAll(List.of("en", "te", "hi", "translit"));
            }
        }
        JsonNode tax = departments.get(1).get("services").get(0);
        assertThat(tax.get("certificate").isNull()).isTrue();
        assertThat(tax.get("information").get("text").get("en").asString()).isNotBlank();
    }

    @Test
    void aMatchingETagAnswersNotModified() {
        Answer first = anonymous().get("/api/v1/catalog");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        assertThat(anonymous().get("/api/v1/catalog").header("ETag")).isEqualTo(etag);

        Answer unchanged = anonymous().get("/api/v1/catalog", "If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(anonymous().get("/api/v1/catalog", "If-None-Match", "\"other\", " + etag).status()).isEqualTo(304);

        Answer stale = anonymous().get("/api/v1/catalog", "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.json().get("departments").size()).isEqualTo(2);
    }
}
