package org.pramaan.issuer.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.catalog.ServiceKind;
import org.pramaan.contract.id.DepartmentCode;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader();

    @Test
    void loadsTheTestCatalog() throws IOException {
        Catalog catalog = loader.load(resource("departments.json"),
                List.of(resource("services/maud.json"), resource("services/rev.json")));
        assertThat(catalog.departments()).hasSize(2);
        ServiceDefinition income = catalog.service("REV-INCOME").orElseThrow();
        assertThat(income.kind()).isEqualTo(ServiceKind.CERTIFICATE);
        assertThat(income.certificate().fields().get(0).key()).isEqualTo("nm");
        assertThat(income.certificate().field("ct").orElseThrow().validation().options()).hasSize(2);
        assertThat(catalog.service("REV-RESIDENCE").orElseThrow().certificate().validityDays()).isNull();
        assertThat(catalog.service("MAUD-PROPERTY-TAX").orElseThrow().information().link()).startsWith("https://");
        assertThat(catalog.issuingDepartments()).containsExactly(DepartmentCode.of("REV"));
    }

    @Test
    void aBrokenEntryIsReportedWithFileServiceAndField() throws IOException {
        String broken = resource("services/rev.json").json()
                .replace("\"key\": \"pc\", \"type\": \"pin\"", "\"key\": \"pc\", \"type\": \"postcode\"")
                .replace("\"te\": \"ఆదాయ ధృవీకరణ పత్రం\", \"hi\": \"आय प्रमाण पत्र\"},\n   \"descriptions\"",
                        "\"te\": \"Income\", \"hi\": \"आय प्रमाण पत्र\"},\n   \"descriptions\"");
        assertThatThrownBy(() -> loader.load(resource("departments.json"),
                List.of(new CatalogSource("services/rev.json", broken))))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file()).isEqualTo("services/rev.json");
                        assertThat(p.service()).isEqualTo("REV-INCOME");
                        assertThat(p.field()).isEqualTo("pc");
                        assertThat(p.message()).contains("postcode");
                    });
                    assertThat(e.problems()).anySatisfy(p ->
                            assertThat(p.message()).contains("names.te").contains("telugu script"));
                    assertThat(e.getMessage()).contains("services/rev.json, service REV-INCOME, field pc");
                });
    }

    @Test
    void formRulesAreEnforced() throws IOException {
        String json = resource("services/rev.json").json()
                .replace("\"key\": \"ah\", \"type\": \"aadhaar\", \"required\": true, \"onCertificate\": false",
                        "\"key\": \"ah\", \"type\": \"aadhaar\", \"required\": true, \"onCertificate\": true")
                .replace("\"serviceLevelDays\": 7", "\"serviceLevelDays\": 700");
        assertThatThrownBy(() -> loader.load(resource("departments.json"), List.of(new CatalogSource("services/rev.json", json))))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems())
                        .extracting(CatalogProblem::message)
                        .anySatisfy(m -> assertThat(m).contains("never printed or signed"))
                        .anySatisfy(m -> assertThat(m).contains("serviceLevelDays")));
    }

    @Test
    void certificateTypesAreUniqueAcrossTheCatalog() throws IOException {
        String json = resource("services/rev.json").json().replace("\"type\": \"RES\"", "\"type\": \"INC\"");
        assertThatThrownBy(() -> loader.load(resource("departments.json"), List.of(new CatalogSource("services/rev.json", json))))
                .hasMessageContaining("service REV-RESIDENCE, field certificate.type")
                .hasMessageContaining("already used by REV-INCOME");
    }

    @Test
    void digiLockerDocumentTypesAreOptionalAndChecked() throws IOException {
        Catalog catalog = loader.load(resource("departments.json"), List.of(resource("services/rev.json")));
        assertThat(catalog.service("REV-INCOME").orElseThrow().certificate().digiLockerDocType()).isEqualTo("INCER");
        assertThat(catalog.service("REV-RESIDENCE").orElseThrow().certificate().digiLocker())
                .as("a catalog written before DigiLocker loads: its services are simply not offered").isEmpty();
        String json = resource("services/rev.json").json().replace("\"digiLockerDocType\": \"INCER\"",
                "\"digiLockerDocType\": \"in-cer\"");
        assertThatThrownBy(() -> loader.load(resource("departments.json"), List.of(new CatalogSource("services/rev.json", json))))
                .hasMessageContaining("service REV-INCOME, field certificate.digiLockerDocType")
                .hasMessageContaining("in-cer");
    }

    @Test
    void aServicesFileForAnUnknownDepartmentIsRefused() throws IOException {
        String json = "{\"department\": \"XYZ\", \"services\": []}";
        assertThatThrownBy(() -> loader.load(resource("departments.json"), List.of(new CatalogSource("services/xyz.json", json))))
                .hasMessageContaining("services/xyz.json").hasMessageContaining("XYZ");
    }

    @Test
    void loadsAndValidatesAThousandGeneratedServices() {
        GeneratedCatalog generated = GeneratedCatalog.of(20, 50);
        long start = System.nanoTime();
        Catalog catalog = loader.load(generated.departments(), generated.services());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(catalog.services()).hasSize(1000);
        assertThat(catalog.services().stream().filter(s -> s.certificate() != null)).hasSize(500);
        assertThat(catalog.issuingDepartments()).hasSize(20);
        // A speed figure for the report, not an assertion: timing on a shared CI machine is not a test.
        org.slf4j.LoggerFactory.getLogger(CatalogLoaderTest.class).info("1000 generated services loaded in {} ms", millis);
    }

    static CatalogSource resource(String name) throws IOException {
        try (InputStream in = CatalogLoaderTest.class.getResourceAsStream("/test-catalog/" + name)) {
            return new CatalogSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
