package org.pramaan.bridge.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads GET /api/v1/catalog. The contract nests services in their departments; a flat answer (departments, plus
 * services each naming its {@code department}) is accepted too and nested here, so either shape gives one model.
 */
public final class CatalogReader {

    private CatalogReader() {
    }

    public static Catalog read(ObjectMapper json, byte[] body) {
        JsonNode root = json.readTree(body);
        if (root == null || !root.path("departments").isArray()) {
            throw new IllegalArgumentException("catalog without a \"departments\" array");
        }
        JsonNode flat = root.get("services");
        if (flat != null && flat.isArray()) {
            Map<String, ArrayNode> byDepartment = new LinkedHashMap<>();
            for (JsonNode department : root.path("departments")) {
                ObjectNode d = (ObjectNode) department;
                ArrayNode services = d.has("services") && d.get("services").isArray()
                        ? (ArrayNode) d.get("services") : d.putArray("services");
                byDepartment.put(d.path("code").asString(""), services);
            }
            for (JsonNode service : flat) {
                ArrayNode target = byDepartment.get(service.path("department").asString(""));
                if (target != null) {
                    target.add(service);
                }
            }
        }
        return json.treeToValue(root, Catalog.class);
    }
}
