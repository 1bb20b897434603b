package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answer to {@code ListIssuers}: a page of departments and the bookmark of the next (empty on the last). */
@JsonPropertyOrder({"issuers", "bookmark"})
public record IssuerListing(List<IssuerRecord> issuers, String bookmark) {
}
