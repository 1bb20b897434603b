package org.pramaan.credential.offline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import org.pramaan.credential.CryptoProvider;

/**
 * A set of certificate ids as the offline bundle carries them: the first 8 bytes of SHA-256 of each
 * id's UTF-8 text, as unsigned big-endian numbers, sorted, and on the wire simply concatenated (8
 * bytes an id). Membership is a binary search. 64 bits keep a false "revoked" for a genuine
 * certificate below one in 10^9 even with 10^7 revoked ids. Immutable.
 */
public final class IdSet {

    /** Bytes per id on the wire. */
    public static final int ENTRY_BYTES = 8;
    public static final IdSet EMPTY = new IdSet(new long[0]);

    private final long[] sorted;

    private IdSet(long[] sorted) {
        this.sorted = sorted;
    }

    /** The 8-byte hash of a certificate id ({@code REV-INC-2026-...}), as an unsigned long. */
    public static long hash(String certificateId) {
        byte[] digest = CryptoProvider.active().sha256().digest(certificateId.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, ENTRY_BYTES).getLong();
    }

    public static IdSet ofIds(Collection<String> certificateIds) {
        long[] hashes = new long[certificateIds.size()];
        int i = 0;
        for (String id : certificateIds) {
            hashes[i++] = hash(id);
        }
        return ofHashes(hashes);
    }

    /** From hashes in any order; duplicates are dropped. */
    public static IdSet ofHashes(long[] hashes) {
        long[] copy = hashes.clone();
        // Unsigned order is the byte order of the wire form: flip the sign bit, sort signed, flip back.
        for (int i = 0; i < copy.length; i++) {
            copy[i] ^= Long.MIN_VALUE;
        }
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (n == 0 || copy[i] != copy[n - 1]) {
                copy[n++] = copy[i];
            }
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = copy[i] ^ Long.MIN_VALUE;
        }
        return new IdSet(out);
    }

    /** From the wire form; the length must be a multiple of 8. Order is not trusted: it is sorted again. */
    public static IdSet decode(byte[] bytes) {
        if (bytes.length % ENTRY_BYTES != 0) {
            throw new IllegalArgumentException("an id set is a multiple of 8 bytes, this one is " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long[] hashes = new long[bytes.length / ENTRY_BYTES];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = buffer.getLong();
        }
        return ofHashes(hashes);
    }

    public byte[] encode() {
        ByteBuffer buffer = ByteBuffer.allocate(sorted.length * ENTRY_BYTES);
        for (long hash : sorted) {
            buffer.putLong(hash);
        }
        return buffer.array();
    }

    public boolean containsId(String certificateId) {
        return contains(hash(certificateId));
    }

    public boolean contains(long hash) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int order = Long.compareUnsigned(sorted[mid], hash);
            if (order < 0) {
                low = mid + 1;
            } else if (order > 0) {
                high = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public IdSet plus(IdSet other) {
        if (other.sorted.length == 0) {
            return this;
        }
        long[] both = Arrays.copyOf(sorted, sorted.length + other.sorted.length);
        System.arraycopy(other.sorted, 0, both, sorted.length, other.sorted.length);
        return ofHashes(both);
    }

    public IdSet minus(IdSet other) {
        if (other.sorted.length == 0) {
            return this;
        }
        return new IdSet(Arrays.stream(sorted).filter(h -> !other.contains(h)).toArray());
    }

    public int size() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdSet other && Arrays.equals(sorted, other.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return "IdSet[" + sorted.length + " ids]";
    }
}
