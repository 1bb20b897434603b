package org.pramaan.issuer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.issuer.catalog.CatalogLoaderTest.resource;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.catalog.document.DocumentKind;

/** The catalog's supporting documents: asked-for ones with key, labels, required and kinds; bare ones only listed. */
class SupportingDocumentsCatalogTest {

    private static final String LISTED = "{\"en\": \"Aadhaar card\", \"te\": \"ఆధార్ కార్డు\", \"hi\": \"आधार कार्ड\"}";
    private static final String ASKED = "{\"key\": \"ration\", \"required\": true, \"kinds\": [\"image\", \"pdf\"],"
            + " \"labels\": {\"en\": \"Ration card\", \"te\": \"రేషన్ కార్డు\", \"hi\": \"राशन कार्ड\"}}";

    private final CatalogLoader loader = new CatalogLoader();

    @Test
    void askedAndListedDocumentsAreReadInOrder() throws IOException {
        CertificateForm form = income("[" + LISTED + ", " + ASKED + ", " + ASKED.replace("ration", "salary")
                .replace("true", "false").replace("\"image\", ", "") + "]");
        assertThat(form.documents()).hasSize(3);
        assertThat(form.documents().get(0).asked()).isFalse();
        assertThat(form.documents().get(0).labels().in("te")).isEqualTo("ఆధార్ కార్డు");
        assertThat(form.askedDocuments()).extracting(SupportingDocument::key).containsExactly("ration", "salary");
        SupportingDocument ration = form.document("ration").orElseThrow();
        assertThat(ration.required()).isTrue();
        assertThat(ration.kinds()).containsExactly(DocumentKind.IMAGE, DocumentKind.PDF);
        assertThat(ration.labels().in("hi")).isEqualTo("राशन कार्ड");
        SupportingDocument salary = form.document("salary").orElseThrow();
        assertThat(salary.required()).isFalse();
        assertThat(salary.kinds()).containsExactly(DocumentKind.PDF);
    }

    @Test
    void badDocumentsAreRefusedWithTheirReason() {
        assertRefused("[" + ASKED + ", " + ASKED + "]", "document key 'ration' appears twice");
        assertRefused("[" + ASKED.replace("\"image\", \"pdf\"", "\"video\"") + "]", "image or pdf, got 'video'");
        assertRefused("[" + ASKED.replace("\"image\", \"pdf\"", "") + "]", "needs at least one of the kinds");
        assertRefused("[" + ASKED.replace("\"ration\"", "\"Ration Card\"") + "]", "a document key is 2 to 12");
        assertRefused("[" + ASKED.replace("\"required\": true, ", "") + "]", "'required' is missing");
        assertRefused("[" + ASKED.replace("రేషన్ కార్డు", "Ration card") + "]", "telugu script");
    }

    @Test
    void theShippedCatalogAsksForRealDocuments() {
        Catalog catalog = CatalogConfiguration.load("classpath:catalog");
        CertificateForm caste = catalog.service("REV-CASTE").orElseThrow().certificate();
        assertThat(caste.askedDocuments()).extracting(SupportingDocument::key).containsExactly("caste", "study");
        assertThat(caste.document("caste").orElseThrow().required()).isTrue();
        assertThat(caste.document("study").orElseThrow().required()).isFalse();
        assertThat(catalog.service("REV-LAND-HOLDING").orElseThrow().certificate().askedDocuments()).hasSize(1);
        assertThat(catalog.service("HLT-SADAREM").orElseThrow().certificate().askedDocuments()).hasSize(1);
        // Services not given uploads keep their listed documents unchanged.
        assertThat(catalog.service("REV-INCOME").orElseThrow().certificate().documents()).hasSize(4)
                .noneMatch(SupportingDocument::asked);
    }

    private void assertRefused(String documents, String message) {
        assertThatThrownBy(() -> income(documents)).isInstanceOfSatisfying(CatalogException.class,
                e -> assertThat(e.getMessage()).contains(message));
    }

    private CertificateForm income(String documents) throws IOException {
        String json = resource("services/rev.json").json();
        int at = json.indexOf("\"documents\"");
        int end = json.indexOf('\n', at);
        String withDocuments = json.substring(0, at) + "\"documents\": " + documents + "," + json.substring(end);
        Catalog catalog = loader.load(resource("departments.json"),
                List.of(new CatalogSource("services/rev.json", withDocuments), resource("services/maud.json")));
        return catalog.service("REV-INCOME").orElseThrow().certificate();
    }
}
