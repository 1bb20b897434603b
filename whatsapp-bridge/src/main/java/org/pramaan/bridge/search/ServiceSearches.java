package org.pramaan.bridge.search;

import org.pramaan.bridge.catalog.Catalog;
import org.pramaan.bridge.issuer.CatalogClient;
import org.springframework.stereotype.Component;

/** The search index of the current catalog, rebuilt only when the catalog changes. */
@Component
public class ServiceSearches {

    private final CatalogClient catalogs;
    private volatile ServiceSearch current;

    public ServiceSearches(CatalogClient catalogs) {
        this.catalogs = catalogs;
    }

    public ServiceSearch current() {
        Catalog catalog = catalogs.catalog();
        ServiceSearch search = current;
        if (search == null || search.catalog() != catalog) {
            search = new ServiceSearch(catalog);
            current = search;
        }
        return search;
    }
}
