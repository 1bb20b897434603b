package org.pramaan.chaincode;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.pramaan.chaincode.issuer.IssuerRecord;

/** The answer to {@code ListIssuers}. */
@JsonPropertyOrder({"issuers", "bookmark"})
record IssuerListing(List<IssuerRecord> issuers, String bookmark) {
}
