package org.pramaan.issuer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.ServiceKind;

/** The catalog the service ships with loads, validates and has the launch catalog's breadth. */
class ShippedCatalogTest {

    @Test
    void theShippedCatalogIsValidAndComplete() {
        Catalog catalog = CatalogConfiguration.load("classpath:catalog");
        assertThat(catalog.departments()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(catalog.services()).hasSizeGreaterThanOrEqualTo(161);
        assertThat(catalog.services().stream().filter(s -> s.certificate() != null)).hasSizeGreaterThanOrEqualTo(25);
        assertThat(catalog.services().stream().filter(s -> s.kind() == ServiceKind.INFORMATION)).isNotEmpty();
        // DigiLocker's document types for the certificates it already knows from other states.
        assertThat(catalog.service("REV-INCOME").orElseThrow().certificate().digiLockerDocType()).isEqualTo("INCER");
        assertThat(catalog.service("REV-CASTE").orElseThrow().certificate().digiLockerDocType()).isEqualTo("CASCER");
    }
}
