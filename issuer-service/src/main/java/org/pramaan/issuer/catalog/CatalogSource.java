package org.pramaan.issuer.catalog;

import java.util.Objects;

/** The text of one catalog file and the name it is reported by. */
public record CatalogSource(String name, String json) {

    public CatalogSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
    }
}
