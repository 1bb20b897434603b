package org.pramaan.issuer.catalog;

/** One thing wrong in the catalog data, located by file, service and field. */
public record CatalogProblem(String file, String service, String field, String message) {

    @Override
    public String toString() {
        return file + (service == null ? "" : ", service " + service) + (field == null ? "" : ", field " + field)
                + ": " + message;
    }
}
