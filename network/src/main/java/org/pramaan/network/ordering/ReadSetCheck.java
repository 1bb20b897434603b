package org.pramaan.network.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pramaan.network.chaincode.VersionedValue;
import org.pramaan.network.ledger.CommittedState;

/**
 * Fabric's MVCC validation (core/ledger/kvledger/txmgmt/validation/validator.go): a key read at a
 * version other than the committed one, or written by an earlier valid transaction of the same
 * block, is an MVCC_READ_CONFLICT; a range query whose results would now differ is a
 * PHANTOM_READ_CONFLICT. A range that was not read to its end is re-run up to its last key only.
 */
final class ReadSetCheck {

    private ReadSetCheck() {
    }

    static TxValidationCode check(KVRWSet readWriteSet, CommittedState state, Set<String> writtenInBlock) {
        for (KVRead read : readWriteSet.getReadsList()) {
            if (writtenInBlock.contains(read.getKey())) {
                return TxValidationCode.MVCC_READ_CONFLICT;
            }
        }
        // One query for the whole read set (a batch of 1,000 certificates reads 1,000 keys).
        java.util.Map<String, Version> versions = state.versions(
                readWriteSet.getReadsList().stream().map(KVRead::getKey).toList());
        for (KVRead read : readWriteSet.getReadsList()) {
            Optional<Version> committed = Optional.ofNullable(versions.get(read.getKey()));
            Optional<Version> seen = read.hasVersion() ? Optional.of(read.getVersion()) : Optional.empty();
            if (!committed.equals(seen)) {
                return TxValidationCode.MVCC_READ_CONFLICT;
            }
        }
        for (RangeQueryInfo range : readWriteSet.getRangeQueriesInfoList()) {
            if (!rangeUnchanged(range, state, writtenInBlock)) {
                return TxValidationCode.PHANTOM_READ_CONFLICT;
            }
        }
        return TxValidationCode.VALID;
    }

    private static boolean rangeUnchanged(RangeQueryInfo range, CommittedState state, Set<String> writtenInBlock) {
        List<KVRead> seen = range.getRawReads().getKvReadsList();
        String end = range.getItrExhausted() || seen.isEmpty() ? range.getEndKey() : seen.get(seen.size() - 1).getKey();
        boolean endInclusive = !range.getItrExhausted() && !seen.isEmpty();
        for (String written : writtenInBlock) {
            if (inRange(written, range.getStartKey(), end, endInclusive)) {
                return false;
            }
        }
        List<VersionedValue> now = endInclusive
                ? state.rangeThrough(range.getStartKey(), end, seen.size() + 1)
                : state.range(range.getStartKey(), end, seen.size() + 1);
        List<KVRead> current = new ArrayList<>();
        now.forEach(v -> current.add(KVRead.newBuilder().setKey(v.key()).setVersion(v.version()).build()));
        return current.equals(seen);
    }

    private static boolean inRange(String key, String start, String end, boolean endInclusive) {
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (java.util.Arrays.compareUnsigned(k, start.getBytes(java.nio.charset.StandardCharsets.UTF_8)) < 0) {
            return false;
        }
        if (end.isEmpty()) {
            return true;
        }
        int toEnd = java.util.Arrays.compareUnsigned(k, end.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return endInclusive ? toEnd <= 0 : toEnd < 0;
    }
}
