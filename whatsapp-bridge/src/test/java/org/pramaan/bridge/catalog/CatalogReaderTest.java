package org.pramaan.bridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pramaan.catalog.FormField;
import tools.jackson.databind.json.JsonMapper;

class CatalogReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsTheNestedContractShape() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/catalog.json")) {
            Catalog catalog = CatalogReader.read(json, in.readAllBytes());
            assertThat(catalog.department("REV").orElseThrow().services()).hasSize(13);
            Catalog.Service income = catalog.service("REV-INCOME").orElseThrow();
            assertThat(income.certificate().fields()).extracting(FormField::key).containsExactly("nm", "ai", "ah", "ct");
            assertThat(income.certificate().fields().get(3).validation().options()).hasSize(2);
            assertThat(income.keywords().translit()).contains("aadaya patram");
        }
    }

    @Test
    void refusesAnAnswerWithoutDepartments() {
        assertThatThrownBy(() -> CatalogReader.read(json, "{\"services\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("departments");
    }
}
