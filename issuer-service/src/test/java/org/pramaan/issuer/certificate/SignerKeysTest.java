package org.pramaan.issuer.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.catalog.Catalog;
import org.pramaan.issuer.catalog.CatalogLoader;
import org.pramaan.issuer.catalog.CatalogSource;

/** Production keys: one configured PKCS#12 file per issuing department, checked against the department. */
class SignerKeysTest {

    @TempDir
    Path dir;

    @Test
    void loadsConfiguredKeyFilesAndRefusesAnotherDepartmentsKey() throws Exception {
        DepartmentCode rev = DepartmentCode.of("REV");
        DepartmentCode maud = DepartmentCode.of("MAUD");
        DevelopmentPki pki = DevelopmentPki.open(dir.resolve("made"), List.of(rev, maud), Clock.systemUTC());
        Path revFile = pkcs12(pki.signer(rev), "rev.p12");
        Catalog catalog = catalog();

        SignerKeys keys = new SignerKeys(properties(Map.of("rev", revFile)), catalog, Clock.systemUTC());
        assertThat(keys.signer(rev).kid()).isEqualTo(pki.signer(rev).kid());

        Path wrong = pkcs12(pki.signer(maud), "maud.p12");
        assertThatThrownBy(() -> new SignerKeys(properties(Map.of("REV", wrong)), catalog, Clock.systemUTC()))
                .hasMessageContaining("not of REV");
        assertThatThrownBy(() -> new SignerKeys(properties(Map.of()), catalog, Clock.systemUTC()))
                .hasMessageContaining("PRAMAAN_KEYS_FILES_REV");
    }

    private IssuerProperties properties(Map<String, Path> files) {
        return new IssuerProperties(dir, "https://v", "http://i", new IssuerProperties.Catalog("x"),
                new IssuerProperties.Ledger(java.nio.file.Path.of("connection.json"), new IssuerProperties.LedgerDeadlines(null, null, null, null), 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new IssuerProperties.Keys(false, files, Map.of("rev", "secret", "REV", "secret")),
                new IssuerProperties.Bridge("http://b", "", Duration.ofSeconds(1), Duration.ofSeconds(1)), false);
    }

    private Path pkcs12(SignerKey key, String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", key.privateKey(), "secret".toCharArray(), new Certificate[] {key.certificate()});
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
        return file;
    }

    private static Catalog catalog() throws Exception {
        return new CatalogLoader().load(read("departments.json"), List.of(read("services/rev.json")));
    }

    private static CatalogSource read(String name) throws Exception {
        try (var in = SignerKeysTest.class.getResourceAsStream("/test-catalog/" + name)) {
            return new CatalogSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
