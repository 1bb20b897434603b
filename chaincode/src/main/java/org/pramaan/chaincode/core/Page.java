package org.pramaan.chaincode.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.pramaan.contract.core.Checks;

/**
 * One page of a listing. {@code bookmark} is the attribute of the first key not on this page,
 * empty on the last page; pass it back to get the next page.
 */
@JsonPropertyOrder({"items", "bookmark"})
public record Page<T>(List<T> items, String bookmark) {

    public Page {
        items = List.copyOf(items);
        Checks.present(bookmark, "bookmark");
    }
}
