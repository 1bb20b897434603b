package org.pramaan.bridge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.conversation.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Top-1 accuracy of what a citizen types against the whole catalog the issuer serves (issuer-service's catalog files,
 * read as its {@code GET /api/v1/catalog} assembles them): a menu command first, as the chat does, else the search's
 * first service. The labelled utterances are {@code search/utterances.tsv}; the test fails below 95% and lists
 * every miss.
 */
class SearchAccuracyTest {

    private static final Logger log = LoggerFactory.getLogger(SearchAccuracyTest.class);
    private static final Path ISSUER_CATALOG = Path.of("../issuer-service/src/main/resources/catalog");
    private static final double REQUIRED = 0.95;

    static ServiceSearch search;

    @BeforeAll
    static void index() throws IOException {
        search = new ServiceSearch(wholeCatalog());
    }

    /** departments.json and services/*.json, joined into the catalog document the issuer's API answers. */
    static Catalog wholeCatalog() throws IOException {
        assertThat(ISSUER_CATALOG.resolve("departments.json")).as("the issuer's catalog, beside this module").exists();
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode catalog = (ObjectNode) json.readTree(ISSUER_CATALOG.resolve("departments.json").toFile());
        Map<String, JsonNode> services = new TreeMap<>();
        try (Stream<Path> files = Files.list(ISSUER_CATALOG.resolve("services"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode node = json.readTree(file.toFile());
                services.put(node.get("department").asString(), node.get("services"));
            }
        }
        for (JsonNode department : catalog.get("departments")) {
            JsonNode own = services.get(department.get("code").asString());
            ((ObjectNode) department).set("services", own == null ? json.createArrayNode() : (ArrayNode) own);
        }
        return json.treeToValue(catalog, Catalog.class);
    }

    record Utterance(String text, String expected, String kind) {
    }

    static List<Utterance> utterances() throws IOException {
        List<Utterance> all = new ArrayList<>();
        try (var in = SearchAccuracyTest.class.getResourceAsStream("/search/utterances.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                all.add(new Utterance(parts[0], parts[1], parts[2]));
            }
        }
        return all;
    }

    /** What the chat does with a text outside a form: a menu command if it is one, else the search's first hit. */
    static String understood(String text) {
        return Command.of(text).map(c -> "command:" + c.name())
                .orElseGet(() -> search.search(text, 3).services().stream().findFirst()
                        .map(Catalog.Service::code).orElse("nothing"));
    }

    @Test
    void atLeastNinetyFivePercentOfTheUtterancesReachWhatWasMeantFirst() throws IOException {
        List<Utterance> all = utterances();
        assertThat(all).hasSizeGreaterThan(500);
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Utterance u : all) {
            String got = understood(u.text());
            int[] tally = byKind.computeIfAbsent(u.kind(), k -> new int[2]);
            tally[1]++;
            if (got.equals(u.expected())) {
                tally[0]++;
            } else {
                misses.add(u.text() + " -> " + got + " (meant " + u.expected() + ")");
            }
        }
        int right = all.size() - misses.size();
        double accuracy = (double) right / all.size();
        byKind.forEach((kind, t) -> log.info("search accuracy {}: {}/{}", kind, t[0], t[1]));
        log.info("search top-1 accuracy: {}/{} = {}%", right, all.size(), String.format("%.1f", 100 * accuracy));
        misses.forEach(m -> log.info("search miss: {}", m));
        assertThat(accuracy).as("top-1 accuracy; misses:%n%s", String.join("\n", misses)).isGreaterThanOrEqualTo(REQUIRED);
    }
}
