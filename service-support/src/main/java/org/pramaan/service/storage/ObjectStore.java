package org.pramaan.service.storage;

/**
 * Large documents (certificate PDFs) kept outside the database, in an S3-compatible object store. The database keeps
 * what {@link #put} answers, the object's key and SHA-256, and {@link #get} gives the bytes back only when they still
 * hash to it: a changed or damaged object is an error, never served.
 *
 * <pre>{@code
 * StoredObject stored = store.put("certificates/REV/REV-INC-2026-....pdf", pdf, "application/pdf");
 * // store stored.key() and stored.sha256() with the row, in the same transaction that follows
 * byte[] again = store.get(stored);
 * }</pre>
 *
 * Write the object before the row that names it commits: an object without a row is harmless (a sweep may remove
 * it), a row without its object must never exist.
 */
public interface ObjectStore {

    /**
     * Stores {@code bytes} under {@code key}, replacing what was there.
     *
     * @throws ObjectStoreUnavailableException when the store cannot be reached or refuses the write
     */
    StoredObject put(String key, byte[] bytes, String contentType);

    /**
     * The object's bytes, checked against {@code expected}'s SHA-256 and size.
     *
     * @throws StoredObjectCorruptException    when the bytes differ from what was stored (or the object is gone)
     * @throws ObjectStoreUnavailableException when the store cannot be reached
     */
    byte[] get(StoredObject expected);

    /** Removes the object (the orphan sweep); nothing when there is none. */
    void delete(String key);
}
