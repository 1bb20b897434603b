package org.pramaan.bridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CatalogReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheNestedContractShape() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/catalog.json")) {
            Catalog catalog = CatalogReader.read(json, in.readAllBytes());
            assertThat(catalog.department("REV").orElseThrow().services()).hasSize(13);
            Catalog.Service income = catalog.service("REV-INCOME").orElseThrow();
            assertThat(income.certificate().fields()).extracting(Catalog.Field::key).containsExactly("nm", "ai", "ah", "ct");
            assertThat(income.certificate().fields().get(3).rules().options()).hasSize(2);
            assertThat(income.keywords().translit()).contains("aadaya patram");
        }
    }

    @Test
    void nestsAFlatAnswerByEachServicesDepartment() {
        String flat = """
                {"departments":[{"code":"REV","names":{"en":"Revenue","te":"రెవెన్యూ","hi":"राजस्व"}},
                                {"code":"MAUD","names":{"en":"Municipal","te":"పురపాలక","hi":"नगरपालिका"}}],
                 "services":[{"code":"REV-INCOME","department":"REV","kind":"certificate",
                              "names":{"en":"Income Certificate","te":"ఆ","hi":"आ"},"certificate":{"type":"INC",
                              "serviceLevelDays":7,"fields":[{"key":"nm","type":"name","required":true,
                              "validation":{"min":0,"max":1.5E8}}]}},
                             {"code":"MAUD-BIRTH","department":"MAUD","kind":"certificate","names":{"en":"Birth"}}]}""";
        Catalog catalog = CatalogReader.read(json, flat.getBytes(StandardCharsets.UTF_8));
        assertThat(catalog.department("REV").orElseThrow().services()).extracting(Catalog.Service::code)
                .containsExactly("REV-INCOME");
        assertThat(catalog.department("MAUD").orElseThrow().services()).extracting(Catalog.Service::code)
                .containsExactly("MAUD-BIRTH");
        assertThat(catalog.service("REV-INCOME").orElseThrow().canApply()).isTrue();
    }
}
