package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.id.CertificateId;

/** Every committed write to one certificate, newest first, with the transaction that made it. */
@JsonPropertyOrder({"id", "history"})
public record CertificateHistory(CertificateId id, List<Entry> history) {

    public CertificateHistory {
        history = List.copyOf(history);
    }

    /** {@code record} is absent when the entry is a deletion. */
    @JsonPropertyOrder({"txId", "timestamp", "deleted", "record"})
    public record Entry(String txId, Instant timestamp, boolean deleted, CertificateRecord record) {
    }
}
