package org.pramaan.bridge.catalog;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads GET /api/v1/catalog: departments, each with its services (architecture.md). */
public final class CatalogReader {

    private CatalogReader() {
    }

    public static Catalog read(ObjectMapper json, byte[] body) {
        JsonNode root = json.readTree(body);
        if (root == null || !root.path("departments").isArray()) {
            throw new IllegalArgumentException("catalog without a \"departments\" array");
        }
        return json.treeToValue(root, Catalog.class);
    }
}
