package org.pramaan.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.Test;

/** The test ledger must behave like Fabric where the contract relies on it, or the other tests prove little. */
class InMemoryStubTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final byte[] CREATOR = TestIdentity.issuer("REV").creator();

    private final InMemoryLedger ledger = new InMemoryLedger();
    private int transactions;

    @Test
    void compositeKeysAreEncodedAsFabricEncodesThem() {
        InMemoryStub stub = tx();
        CompositeKey key = stub.createCompositeKey("CERT", "REV-INC-2026-7K3M9QX2HD4TZP8W-0");
        assertThat(key.toString()).isEqualTo("\u0000CERT\u0000REV-INC-2026-7K3M9QX2HD4TZP8W-0\u0000");
        assertThat(stub.createCompositeKey("ISSUER").toString()).isEqualTo("\u0000ISSUER\u0000");
        CompositeKey split = stub.splitCompositeKey("\u0000ISSUER\u0000REV\u0000");
        assertThat(split.getObjectType()).isEqualTo("ISSUER");
        assertThat(split.getAttributes()).containsExactly("REV");
        stub.discard();
    }

    @Test
    void aTransactionDoesNotReadItsOwnWritesAndCommitsThemAtTheEnd() {
        InMemoryStub stub = tx();
        stub.putStringState("a", "1");
        assertThat(stub.getState("a")).isEmpty();
        assertThat(ledger.get("a")).isEmpty();
        stub.commit();
        assertThat(ledger.get("a")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("1")));
    }

    @Test
    void aDiscardedTransactionLeavesNothing() {
        InMemoryStub stub = tx();
        stub.putStringState("a", "1");
        stub.setEvent("Something", bytes("{}"));
        stub.discard();
        assertThat(ledger.snapshot()).isEmpty();
        assertThat(ledger.events()).isEmpty();
        assertThat(ledger.committedTransactions()).isEmpty();
        assertThatThrownBy(stub::commit).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void partialCompositeKeyScansStayWithinTheirObjectType() {
        put(key("ISSUER", "REV"), key("ISSUER", "AGRI"), key("ISSUERX", "A"), key("CERT", "X"), "plain");
        InMemoryStub stub = tx();
        List<String> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByPartialCompositeKey("ISSUER")) {
            results.forEach(kv -> keys.add(kv.getKey()));
        }
        assertThat(keys).containsExactly(key("ISSUER", "AGRI"), key("ISSUER", "REV"));
        stub.discard();
    }

    @Test
    void pagesFollowTheBookmarkWhichIsTheNextKey() {
        put(key("ISSUER", "A1"), key("ISSUER", "B2"), key("ISSUER", "C3"), key("ZZZ", "other"));
        InMemoryStub stub = tx();
        CompositeKey prefix = stub.createCompositeKey("ISSUER");

        List<String> first = new ArrayList<>();
        String bookmark;
        try (QueryResultsIteratorWithMetadata<KeyValue> page = stub.getStateByPartialCompositeKeyWithPagination(prefix, 2, "")) {
            page.forEach(kv -> first.add(kv.getKey()));
            bookmark = page.getMetadata().getBookmark();
            assertThat(page.getMetadata().getFetchedRecordsCount()).isEqualTo(2);
        }
        assertThat(first).containsExactly(key("ISSUER", "A1"), key("ISSUER", "B2"));
        assertThat(bookmark).isEqualTo(key("ISSUER", "C3"));

        List<String> second = new ArrayList<>();
        try (QueryResultsIteratorWithMetadata<KeyValue> page =
                     stub.getStateByPartialCompositeKeyWithPagination(prefix, 2, bookmark)) {
            page.forEach(kv -> second.add(kv.getKey()));
            assertThat(page.getMetadata().getBookmark()).isEmpty();
        }
        assertThat(second).containsExactly(key("ISSUER", "C3"));
        stub.discard();
    }

    @Test
    void rangeQueriesRunInUtf8OrderAndRefuseCompositeKeys() {
        String supplementary = new String(Character.toChars(0x1F600));
        put("a", "b", "\uFFFD", supplementary);
        InMemoryStub stub = tx();
        List<String> keys = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> results = stub.getStateByRange("", "")) {
            results.forEach(kv -> keys.add(kv.getKey()));
        }
        assertThat(keys).containsExactly("a", "b", "\uFFFD", supplementary);
        try (QueryResultsIterator<KeyValue> results = stub.getStateByRange("b", "\uFFFD")) {
            assertThat(results).extracting(KeyValue::getKey).containsExactly("b");
        }
        assertThatThrownBy(() -> stub.getStateByRange("\u0000CERT\u0000", "")).isInstanceOf(RuntimeException.class);
        stub.discard();
    }

    @Test
    void historyIsNewestFirstWithTransactionTimeAndDeletions() {
        InMemoryStub first = tx();
        first.putStringState("k", "v1");
        first.commit();
        InMemoryStub second = tx();
        second.delState("k");
        second.commit();
        InMemoryStub third = tx();
        third.putStringState("k", "v3");
        third.commit();

        InMemoryStub reader = tx();
        List<KeyModification> history = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> results = reader.getHistoryForKey("k")) {
            results.forEach(history::add);
        }
        assertThat(history).extracting(KeyModification::getTxId).containsExactly(third.getTxId(), second.getTxId(),
                first.getTxId());
        assertThat(history).extracting(KeyModification::isDeleted).containsExactly(false, true, false);
        assertThat(history.get(0).getStringValue()).isEqualTo("v3");
        assertThat(history.get(2).getTimestamp()).isEqualTo(first.getTxTimestamp());
        reader.discard();
    }

    @Test
    void onlyOneEventPerTransaction() {
        InMemoryStub stub = tx();
        stub.setEvent("First", bytes("1"));
        assertThatThrownBy(() -> stub.setEvent("Second", bytes("2"))).isInstanceOf(IllegalStateException.class);
        stub.commit();
        assertThat(ledger.events()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("First");
            assertThat(e.txId()).isEqualTo(stub.getTxId());
        });
    }

    @Test
    void aPagedQueryInATransactionThatWritesIsRefusedAsFabricDoes() {
        InMemoryStub stub = tx();
        try (QueryResultsIteratorWithMetadata<KeyValue> page =
                     stub.getStateByPartialCompositeKeyWithPagination(stub.createCompositeKey("ISSUER"), 5, "")) {
            assertThat(page).isEmpty();
        }
        stub.putStringState("a", "1");
        assertThatThrownBy(stub::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("paged query");
    }

    @Test
    void anIteratorLeftOpenFailsTheTransaction() {
        InMemoryStub stub = tx();
        stub.getStateByRange("a", "z");
        assertThatThrownBy(stub::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("open");
    }

    @Test
    void theShimReadsTheCreatorAsARealIdentity() {
        InMemoryStub stub = tx();
        ClientIdentity identity = new Context(stub).getClientIdentity();
        assertThat(identity.getMSPID()).isEqualTo("GovMSP");
        assertThat(identity.getAttributeValue("role")).isEqualTo("issuer");
        assertThat(identity.getAttributeValue("dept")).isEqualTo("REV");
        assertThat(identity.getX509Certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(identity.getId()).startsWith("x509::CN=issuer-REV");
        stub.discard();
    }

    @Test
    void aTransactionIdIsUsedOnce() {
        tx().commit();
        assertThatThrownBy(() -> ledger.begin("t1", T0, CREATOR, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private InMemoryStub tx() {
        transactions++;
        return ledger.begin("t" + transactions, T0.plusSeconds(transactions), CREATOR, List.of("Test"));
    }

    private void put(String... keys) {
        InMemoryStub stub = tx();
        for (String key : keys) {
            stub.putState(key, bytes(key));
        }
        stub.commit();
    }

    private static String key(String type, String attribute) {
        return new CompositeKey(type, attribute).toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
