package org.pramaan.issuer.document;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.catalog.document.DocumentType;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.security.Caller;
import org.pramaan.service.problem.NotFoundException;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import org.pramaan.service.storage.ObjectStore;
import org.pramaan.service.storage.StoredObject;
import org.pramaan.service.storage.StoredObjectCorruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Supporting documents: a client uploads each file first ({@link #upload}: checked, written to the object store under
 * {@code documents/<department>/<sha256 hex>}), then names them in the application ({@link #verify}: each object read
 * back and checked before the application is stored), and officers open them ({@link #read}: the bytes checked
 * against the row's SHA-256 on every read). Nothing about the citizen or the file's contents is logged.
 */
@Service
public class DocumentService {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int FILE_NAME_MAX = 200;

    private final Catalog catalog;
    private final ObjectStore store;
    private final ApplicationDocuments rows;
    private final DocumentProperties properties;
    private final Clock clock;

    public DocumentService(Catalog catalog, ObjectStore store, ApplicationDocuments rows, DocumentProperties properties,
                           Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    /** An uploaded file, as the application names it afterwards. */
    public record Uploaded(String document, String sha256, long size, String mimeType) {
    }

    /** A document an application names: which one, the uploaded file's SHA-256 (hex), size, type and file name. */
    public record Reference(String document, String sha256, Long size, String mimeType, String fileName) {
    }

    /** A named document whose object was read back and checked: ready to be stored with the application. */
    public record Verified(String documentKey, StoredObject object, String mimeType, String fileName) {

        public ApplicationDocument of(UUID applicationId, java.time.Instant at) {
            return new ApplicationDocument(applicationId, documentKey, object, mimeType, fileName, at);
        }
    }

    /** A stored document's bytes, checked, with what the officer's browser needs to show them. */
    public record Served(ApplicationDocument document, byte[] bytes) {
    }

    public long maxBytes() {
        return properties.maxBytes();
    }

    /**
     * Stores one file for a service's document; the same bytes again give the same answer (the object is
     * content-addressed). Refused: unknown document, a type the catalog does not allow for it, bytes that are not
     * what the media type says, or too many of them.
     */
    public Uploaded upload(String serviceCode, String documentKey, String mimeType, byte[] bytes, Caller caller) {
        caller.requireKind(Caller.Kind.BRIDGE, Caller.Kind.DEPARTMENT_SYSTEM, Caller.Kind.ADMIN);
        ServiceDefinition service = certificateService(serviceCode);
        caller.requireDepartment(service.department());
        SupportingDocument document = document(service, documentKey);
        if (bytes.length == 0) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "the document is empty");
        }
        if (bytes.length > properties.maxBytes()) {
            throw new RefusalException(ProblemCode.TOO_LARGE, "a document is at most " + properties.maxBytes()
                    + " bytes, this one has " + bytes.length);
        }
        DocumentType type = type(document, mimeType, bytes);
        // Content-addressed: the key is the bytes' SHA-256, so a retried upload is the same object.
        String sha256 = StoredObject.of("documents", bytes).sha256Hex();
        StoredObject object = store.put(objectKey(service, sha256), bytes, type.mimeType());
        LOG.info("document {} of {} stored ({} bytes, {})", documentKey, service.code(), bytes.length, type);
        return new Uploaded(document.key(), object.sha256Hex(), bytes.length, type.mimeType());
    }

    /**
     * Checks the documents an application names against the service's list and the object store (each object read
     * back and hashed), outside any transaction. At most one file per document.
     */
    public List<Verified> verify(String serviceCode, List<Reference> references) {
        if (references == null || references.isEmpty()) {
            return List.of();
        }
        ServiceDefinition service = certificateService(serviceCode);
        Set<String> seen = new HashSet<>();
        List<Verified> verified = new ArrayList<>();
        for (Reference r : references) {
            if (r == null) {
                throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "a document entry is empty");
            }
            SupportingDocument document = document(service, r.document());
            if (!seen.add(document.key())) {
                throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "document " + document.key()
                        + " is named twice");
            }
            String sha = r.sha256() == null ? "" : r.sha256().strip().toLowerCase(java.util.Locale.ROOT);
            if (!SHA256_HEX.matcher(sha).matches()) {
                throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "document " + document.key()
                        + ": 'sha256' must be 64 hexadecimal digits");
            }
            if (r.size() == null || r.size() <= 0 || r.size() > properties.maxBytes()) {
                throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "document " + document.key()
                        + ": 'size' must be between 1 and " + properties.maxBytes());
            }
            StoredObject object = new StoredObject(objectKey(service, sha), HexFormat.of().parseHex(sha), r.size());
            byte[] bytes;
            try {
                bytes = store.get(object);
            } catch (StoredObjectCorruptException e) {
                throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "document " + document.key()
                        + " was not uploaded (POST /api/v1/applications/documents first)");
            }
            DocumentType type = type(document, r.mimeType(), bytes);
            verified.add(new Verified(document.key(), object, type.mimeType(), fileName(r.fileName())));
        }
        return verified;
    }

    /** Stores the checked documents with a new application, in its transaction. */
    public void attach(UUID applicationId, List<Verified> documents) {
        var at = clock.instant();
        rows.insert(documents.stream().map(v -> v.of(applicationId, at)).toList());
    }

    /** An application's documents (metadata only). */
    public List<ApplicationDocument> of(UUID applicationId) {
        return rows.of(applicationId);
    }

    /** The required documents of the application's service ({@code serviceCode}) it does not carry, in catalog order. */
    public List<SupportingDocument> missing(UUID applicationId, String serviceCode) {
        CertificateForm form = catalog.service(serviceCode).map(ServiceDefinition::certificate).orElse(null);
        if (form == null) {
            return List.of();
        }
        Set<String> present = new HashSet<>();
        rows.of(applicationId).forEach(d -> present.add(d.documentKey()));
        return form.askedDocuments().stream().filter(d -> d.required() && !present.contains(d.key())).toList();
    }

    /**
     * One document's bytes for an officer of the application's {@code department} (the caller found the application
     * with its department check): 404 for a document it does not carry; the bytes only when they hash to the row's SHA-256.
     */
    public Served read(UUID applicationId, DepartmentCode department, String documentKey, Caller caller) {
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN);
        if (!caller.mayActFor(department)) {
            throw new NotFoundException("no application " + applicationId);
        }
        ApplicationDocument document = rows.of(applicationId).stream()
                .filter(d -> d.documentKey().equals(documentKey)).findFirst()
                .orElseThrow(() -> new NotFoundException("application " + applicationId + " has no document "
                        + documentKey));
        return new Served(document, store.get(document.object()));
    }

    private static DocumentType type(SupportingDocument document, String mimeType, byte[] bytes) {
        DocumentType declared = DocumentType.ofMimeType(mimeType).orElseThrow(() -> new RefusalException(
                ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a document is a PDF, JPEG or PNG, not " + mimeType));
        if (!document.accepts(declared.kind())) {
            throw new RefusalException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "document " + document.key() + " may be "
                    + document.kinds().stream().map(k -> k.code()).toList() + ", not " + declared.kind().code());
        }
        if (DocumentType.check(declared.mimeType(), bytes).isEmpty()) {
            throw new RefusalException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "the bytes are not a " + declared.extension()
                    + " file");
        }
        return declared;
    }

    private static String fileName(String given) {
        if (given == null) {
            return null;
        }
        String clean = given.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != '\\')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        clean = clean.replace('/', '_');
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > FILE_NAME_MAX ? clean.substring(clean.length() - FILE_NAME_MAX) : clean;
    }

    private static String objectKey(ServiceDefinition service, String sha256Hex) {
        return "documents/" + service.department().value() + "/" + sha256Hex;
    }

    private static SupportingDocument document(ServiceDefinition service, String key) {
        return service.certificate().document(key == null ? "" : key.strip()).orElseThrow(() -> new RefusalException(
                ProblemCode.INVALID_ARGUMENT, "service " + service.code() + " asks for no document '" + key + "'"));
    }

    private ServiceDefinition certificateService(String code) {
        ServiceDefinition service = catalog.service(code == null ? "" : code.strip()).orElseThrow(
                () -> new RefusalException(ProblemCode.INVALID_ARGUMENT, "no service " + code + " in the catalog"));
        if (service.certificate() == null) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "service " + code + " does not issue certificates");
        }
        return service;
    }
}
