package org.pramaan.bridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.catalog.Catalog.Service;
import tools.jackson.databind.json.JsonMapper;

class ServiceSearchTest {

    static ServiceSearch search;

    @BeforeAll
    static void index() throws IOException {
        try (InputStream in = ServiceSearchTest.class.getResourceAsStream("/catalog.json")) {
            search = new ServiceSearch(JsonMapper.builder().build().readValue(in, Catalog.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"income certificate", "ఆదాయ ధృవీకరణ పత్రం", "aadaya patram", "आय प्रमाण पत्र",
            "Income Certificate!", "  आय  प्रमाण पत्र। "})
    void theIssuesFourWaysOfAskingGoStraightToTheIncomeCertificate(String text) {
        ServiceSearch.Result result = search.search(text, 3);
        assertThat(result.confident()).isTrue();
        assertThat(result.services()).extracting(Service::code).first().isEqualTo("REV-INCOME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"adaya patram", "aadaaya patram", "I need an income certificate", "నాకు ఆదాయ పత్రం కావాలి",
            "मुझे आय का प्रमाण पत्र चाहिए", "incme certificate"})
    void looserWordingStillRanksTheIncomeCertificateFirst(String text) {
        ServiceSearch.Result result = search.search(text, 3);
        assertThat(result.services()).extracting(Service::code).first().isEqualTo("REV-INCOME");
        assertThat(result.services()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void otherServicesAreFoundByTheirOwnNames() {
        assertThat(search.search("జనన ధృవీకరణ పత్రం", 3).services()).extracting(Service::code).first()
                .isEqualTo("MAUD-BIRTH");
        assertThat(search.search("caste certificate", 3).services()).extracting(Service::code).first()
                .isEqualTo("REV-CASTE");
    }

    @Test
    void ambiguousWordsOfferSeveralServicesWithoutPretendingToKnow() {
        ServiceSearch.Result result = search.search("certificate", 3);
        assertThat(result.confident()).isFalse();
        assertThat(result.services()).hasSize(3);
    }

    @Test
    void nonsenseFindsNothing() {
        assertThat(search.search("zzqx", 3).empty()).isTrue();
        assertThat(search.search("!!!", 3).empty()).isTrue();
    }
}
