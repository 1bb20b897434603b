package org.pramaan.verifier.verification;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.StampedLock;
import org.pramaan.contract.certificate.ReasonCode;

/**
 * The in-memory half of the verifier's copy of the ledger ({@link LedgerProjection}): per certificate what a verdict
 * needs, in primitive arrays, so a first check costs no database round trip. An open-addressing table (linear
 * probing) of 33-byte slots: a 64-bit hash of the certificate id, the first 128 bits of the claims hash, the end of
 * validity in whole seconds, the index of its anchoring transaction (id, block and time are shared by the whole
 * batch it was anchored in) and its state. The table is filled to between 53% and 80%, so a certificate costs 41 to
 * 62 bytes, plus its share of its anchoring transaction's (about 250 bytes per transaction); a revoked one also keeps
 * its revocation (code, time, replacement) in a small map.
 *
 * <p>Never decides alone what it cannot decide exactly: a certificate it does not hold, and one whose claims hash
 * differs from the one presented (a tampered credential, or two ids sharing a 64-bit hash), are read from the
 * database as before; the ledger's answer is unchanged. It holds at most {@code max} certificates (the newest are
 * loaded first); beyond that, certificates are read from the database.
 *
 * <p>One writer at a time (the loader at start, the event follower after each commit), readers without a lock:
 * optimistic reads of a {@link StampedLock}, retried under the read lock when a write interfered.
 */
final class ProjectionIndex {

    /** Bytes a slot costs: key 8, claims hash 16, valid until 4, transaction 4, state 1. */
    static final int SLOT_BYTES = 33;
    /** A rough size of one anchoring transaction's entry (its id string, the instant, the map entry). */
    private static final int TRANSACTION_BYTES = 250;
    private static final int REVOCATION_BYTES = 200;
    private static final double MAX_LOAD = 0.8;

    static final byte ACTIVE = 0;
    static final byte HELD = 1;
    static final byte REVOKED = 2;
    /** Revoked by an older contract's event that left out what the answer shows: the ledger is asked. */
    static final byte ASK_LEDGER = 3;

    /** The anchoring transaction of a batch of certificates. */
    record Anchoring(String transactionId, long block, Instant anchoredAt) {
    }

    /** A revocation as its event said it. */
    record Revocation(ReasonCode reason, Instant revokedAt, String replacedBy) {
    }

    /** What the index holds for one certificate whose claims hash matched. */
    record Entry(Anchoring anchoring, Instant validUntil, byte state, Revocation revocation) {
    }

    /** One row of the copy as the database holds it, to be put into the index. */
    record Row(String certificateId, String claimsHash, Instant validUntil, Anchoring anchoring, byte state,
               Revocation revocation) {
    }

    private static final class Table {
        final int capacity;
        final long[] keys;
        final long[] hashHigh;
        final long[] hashLow;
        final int[] validUntil;
        final int[] transaction;
        final byte[] state;
        int size;

        Table(int capacity) {
            this.capacity = capacity;
            keys = new long[capacity];
            hashHigh = new long[capacity];
            hashLow = new long[capacity];
            validUntil = new int[capacity];
            transaction = new int[capacity];
            state = new byte[capacity];
        }

        /** The slot holding {@code key}, or the free slot where it would go, or -1 (never: the table is never full). */
        int slot(long key) {
            int i = (int) (((key >>> 32) * capacity) >>> 32);
            for (int probes = 0; probes < capacity; probes++) {
                long k = keys[i];
                if (k == key || k == 0) {
                    return i;
                }
                i = i + 1 == capacity ? 0 : i + 1;
            }
            return -1;
        }
    }

    private final int max;
    private final StampedLock lock = new StampedLock();
    private volatile Table table;
    private volatile Anchoring[] anchorings = new Anchoring[16];
    private int anchoringCount;
    private final Map<Anchoring, Integer> anchoringIndex = new HashMap<>();
    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    /** Whether a certificate was left out (the cap, a validity the slot cannot hold). */
    private volatile boolean partial;

    ProjectionIndex(int max) {
        this.max = max;
        this.table = new Table(16);
    }

    int size() {
        return table.size;
    }

    /** What the index costs in memory, roughly. */
    long bytes() {
        return (long) table.capacity * SLOT_BYTES + (long) anchoringCount * TRANSACTION_BYTES
                + (long) revocations.size() * REVOCATION_BYTES;
    }

    boolean partial() {
        return partial;
    }

    /**
     * The entry for {@code certificateId} when its claims hash is {@code claimsHash}; null when the index does not
     * hold it or holds another claims hash (the database decides those).
     */
    Entry find(String certificateId, String claimsHash) {
        if (!sha256Hex(claimsHash)) {
            return null;
        }
        long key = key(certificateId);
        long high = hex(claimsHash, 0);
        long low = hex(claimsHash, 16);
        long stamp = lock.tryOptimisticRead();
        Entry entry = read(key, high, low, certificateId);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                entry = read(key, high, low, certificateId);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return entry;
    }

    /** Reads without trusting what it reads: under an optimistic stamp any of it may be torn, so it never throws. */
    private Entry read(long key, long high, long low, String certificateId) {
        Table t = table;
        int i = t.slot(key);
        if (i < 0 || t.keys[i] != key || t.hashHigh[i] != high || t.hashLow[i] != low) {
            return null;
        }
        Anchoring[] known = anchorings;
        int tx = t.transaction[i];
        if (tx < 0 || tx >= known.length || known[tx] == null) {
            return null;
        }
        byte state = t.state[i];
        Revocation revocation = state == REVOKED ? revocations.get(certificateId) : null;
        if (state == REVOKED && revocation == null) {
            return null;
        }
        return new Entry(known[tx], Instant.ofEpochSecond(Integer.toUnsignedLong(t.validUntil[i])), state, revocation);
    }

    /** Puts rows: the follower's, read back after its change ({@code replace}), or the loader's (only new ones). */
    void put(Iterable<Row> rows, boolean replace) {
        long stamp = lock.writeLock();
        try {
            for (Row row : rows) {
                putOne(row, replace);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void putOne(Row row, boolean replace) {
        if (row.validUntil() == null || row.anchoring().anchoredAt() == null) {
            partial = true;
            return;
        }
        long seconds = row.validUntil().getEpochSecond();
        if (row.validUntil().getNano() != 0 || seconds < 0 || seconds > 0xFFFF_FFFFL || !sha256Hex(row.claimsHash())) {
            partial = true; // the database answers for it
            return;
        }
        long high = hex(row.claimsHash(), 0);
        long low = hex(row.claimsHash(), 16);
        long key = key(row.certificateId());
        Table t = table;
        int i = t.slot(key);
        boolean present = i >= 0 && t.keys[i] == key;
        if (present && !replace) {
            return;
        }
        if (!present) {
            if (t.size >= max) {
                partial = true;
                return;
            }
            if (t.size + 1 > t.capacity * MAX_LOAD) {
                t = grow(t);
                i = t.slot(key);
            }
        }
        if (row.state() == REVOKED) {
            revocations.put(row.certificateId(), row.revocation());
        }
        // Readers validate their stamp, so the order within the slot does not matter; the key goes last anyway.
        t.hashHigh[i] = high;
        t.hashLow[i] = low;
        t.validUntil[i] = (int) seconds;
        t.transaction[i] = anchoring(row.anchoring());
        t.state[i] = row.state();
        if (!present) {
            t.keys[i] = key;
            t.size++;
        }
    }

    private int anchoring(Anchoring anchoring) {
        Integer known = anchoringIndex.get(anchoring);
        if (known != null) {
            return known;
        }
        Anchoring[] all = anchorings;
        if (anchoringCount == all.length) {
            all = Arrays.copyOf(all, all.length * 2);
        }
        all[anchoringCount] = anchoring;
        anchorings = all;
        anchoringIndex.put(anchoring, anchoringCount);
        return anchoringCount++;
    }

    private Table grow(Table old) {
        int wanted = (int) Math.min((long) (max / MAX_LOAD) + 2, Math.max(16L, old.capacity * 3L / 2));
        wanted = Math.max(wanted, (int) (old.size / MAX_LOAD) + 2);
        Table bigger = new Table(wanted);
        for (int j = 0; j < old.capacity; j++) {
            long k = old.keys[j];
            if (k != 0) {
                int i = bigger.slot(k);
                bigger.keys[i] = k;
                bigger.hashHigh[i] = old.hashHigh[j];
                bigger.hashLow[i] = old.hashLow[j];
                bigger.validUntil[i] = old.validUntil[j];
                bigger.transaction[i] = old.transaction[j];
                bigger.state[i] = old.state[j];
                bigger.size++;
            }
        }
        table = bigger;
        return bigger;
    }

    /** A 64-bit hash of the id (FNV-1a, then MurmurHash3's finaliser); never 0, which marks a free slot. */
    static long key(String certificateId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < certificateId.length(); i++) {
            h = (h ^ certificateId.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Whether {@code text} is a SHA-256 in lower-case hex, as the ledger and the credential write it. */
    private static boolean sha256Hex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** 16 lower-case hex digits from {@code offset} as a long (checked by {@link #sha256Hex} first). */
    private static long hex(String text, int offset) {
        long value = 0;
        for (int i = offset; i < offset + 16; i++) {
            char c = text.charAt(i);
            value = (value << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return value;
    }
}
