package org.pramaan.issuer.document;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.pramaan.service.storage.StoredObject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code issuer.application_document}. */
@Repository
public class ApplicationDocuments {

    private final JdbcClient jdbc;

    public ApplicationDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the documents of a new application, in the transaction that stores the application. */
    public void insert(List<ApplicationDocument> documents) {
        for (ApplicationDocument d : documents) {
            jdbc.sql("INSERT INTO issuer.application_document (application_id, document_key, object_key, sha256,"
                            + " size_bytes, mime_type, file_name, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(d.applicationId(), d.documentKey(), d.object().key(), d.object().sha256(),
                            d.object().size(), d.mimeType(), d.fileName(), Timestamp.from(d.receivedAt()))
                    .update();
        }
    }

    /** An application's documents, in the order they were stored. */
    public List<ApplicationDocument> of(UUID applicationId) {
        return jdbc.sql("SELECT application_id, document_key, object_key, sha256, size_bytes, mime_type, file_name,"
                        + " received_at FROM issuer.application_document WHERE application_id = ?"
                        + " ORDER BY received_at, document_key")
                .param(applicationId)
                .query((rs, n) -> new ApplicationDocument(rs.getObject("application_id", UUID.class),
                        rs.getString("document_key"), new StoredObject(rs.getString("object_key"),
                        rs.getBytes("sha256"), rs.getLong("size_bytes")), rs.getString("mime_type"),
                        rs.getString("file_name"), rs.getTimestamp("received_at").toInstant()))
                .list();
    }
}
