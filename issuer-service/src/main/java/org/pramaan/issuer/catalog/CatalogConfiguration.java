package org.pramaan.issuer.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.pramaan.catalog.Catalog;
import org.pramaan.issuer.IssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Loads the catalog once at start; a broken catalog fails the start with every problem listed. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    Catalog catalog(IssuerProperties properties) {
        return load(properties.catalog().location());
    }

    /** Loads and validates the catalog at a Spring resource location (e.g. {@code classpath:catalog}). */
    public static Catalog load(String catalogLocation) {
        String location = catalogLocation.replaceAll("/+$", "");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            Resource departments = resolver.getResource(location + "/departments.json");
            if (!departments.exists()) {
                throw new CatalogException(List.of(new CatalogProblem(location + "/departments.json", null, null,
                        "the file is missing")));
            }
            Resource[] files = resolver.getResources(location + "/services/*.json");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            List<CatalogSource> services = new ArrayList<>();
            for (Resource file : files) {
                services.add(read(file, "services/" + file.getFilename()));
            }
            long start = System.nanoTime();
            Catalog catalog = new CatalogLoader().load(read(departments, "departments.json"), services);
            LOG.info("catalog: {} departments, {} services ({} issue certificates) loaded and validated in {} ms",
                    catalog.departments().size(), catalog.services().size(),
                    catalog.services().stream().filter(s -> s.certificate() != null).count(),
                    (System.nanoTime() - start) / 1_000_000);
            return catalog;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog at " + location + ": " + e.getMessage(), e);
        }
    }

    private static CatalogSource read(Resource resource, String name) throws IOException {
        try (var in = resource.getInputStream()) {
            return new CatalogSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
