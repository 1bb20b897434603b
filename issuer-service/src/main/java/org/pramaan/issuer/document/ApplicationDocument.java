package org.pramaan.issuer.document;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.pramaan.service.storage.StoredObject;

/**
 * A supporting document stored with an application: which of the service's documents it is, where its bytes are and
 * what they hash to, and what the officer is shown (type, size, the citizen's file name).
 *
 * @param documentKey the catalog's key of the document ({@code caste})
 * @param fileName    the name the citizen's phone gave the file; null for a photo
 */
public record ApplicationDocument(UUID applicationId, String documentKey, StoredObject object, String mimeType,
                                  String fileName, Instant receivedAt) {

    public String sha256Hex() {
        return HexFormat.of().formatHex(object.sha256());
    }

    public long size() {
        return object.size();
    }
}
