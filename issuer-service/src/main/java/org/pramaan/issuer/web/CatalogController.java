package org.pramaan.issuer.web;

import org.pramaan.issuer.catalog.Catalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog for the bridge: departments, services and their forms. */
@RestController
@RequestMapping("/api/v1/catalog")
public class CatalogController {

    private final CatalogView view;

    public CatalogController(Catalog catalog) {
        // The catalog never changes while the service runs: build the answer once.
        this.view = CatalogView.of(catalog);
    }

    @GetMapping
    public CatalogView catalog() {
        return view;
    }
}
