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
import org.pramaan.catalog.Catalog;
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

    /** Keys in a hardware module: every department key entry on the token is held; a department without one is refused. */
    @Test
    void holdsTheKeysOnAPkcs11Token() throws Exception {
        DepartmentCode rev = DepartmentCode.of("REV");
        DevelopmentPki pki = DevelopmentPki.open(dir.resolve("hsm-made"), List.of(rev), Clock.systemUTC());
        // Both tokens first: SoftHSM2 sees the tokens that exist when the module is first loaded in this JVM.
        Path config = org.pramaan.issuer.support.SoftHsm.newToken("issuer-keys");
        Path empty = org.pramaan.issuer.support.SoftHsm.newToken("issuer-empty");
        org.pramaan.credential.keys.Pkcs11Keys.open(config, org.pramaan.issuer.support.SoftHsm.PIN.toCharArray())
                .store("rev-2026", pki.signer(rev));
        Catalog catalog = catalog();

        SignerKeys keys = new SignerKeys(properties(Map.of()), catalog, Clock.systemUTC(),
                new HardwareKeys(config, org.pramaan.issuer.support.SoftHsm.PIN));
        SignerKey held = keys.held(rev).get(pki.signer(rev).kid());
        assertThat(held).isNotNull();
        assertThat(held.privateKey().getClass().getName()).as("the token's key, used in the token").contains("P11");
        var claims = new org.pramaan.credential.CertificateClaims(rev,
                org.pramaan.contract.id.CertificateId.generate(rev, "INC", java.time.Year.now()),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                java.time.Instant.now().plus(Duration.ofDays(1)),
                new org.pramaan.credential.CertificateBody("INC", "Token Holder", Map.of(), org.pramaan.credential.Language.EN));
        var signed = new org.pramaan.credential.CredentialSigner(held).sign(claims);
        var check = new org.pramaan.credential.CredentialVerifier(org.pramaan.credential.TrustList.build(
                pki.root().certificate(), List.of(new org.pramaan.credential.TrustedSigner(rev,
                        pki.signer(rev).certificate()))), Clock.systemUTC()).verify(signed.url("https://v"));
        assertThat(check.signatureValid()).as(check.reason()).isTrue();

        assertThatThrownBy(() -> new SignerKeys(properties(Map.of()), catalog, Clock.systemUTC(),
                new HardwareKeys(empty, org.pramaan.issuer.support.SoftHsm.PIN)))
                .hasMessageContaining("holds no signer key of REV");
    }

    private IssuerProperties properties(Map<String, Path> files) {
        return new IssuerProperties(dir, "https://v", "http://i", new IssuerProperties.Catalog("x"),
                new IssuerProperties.Ledger(java.nio.file.Path.of("connection.json"), new IssuerProperties.LedgerDeadlines(null, null, null, null), 1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 20, Duration.ofMinutes(5)),
                new IssuerProperties.Keys(false, files, Map.of("rev", "secret", "REV", "secret")),
                new IssuerProperties.Bridge("http://b", "", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 20, Duration.ofMinutes(2), Duration.ofSeconds(10)), false);
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
