package org.pramaan.credential.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.TestKeys;

class KeyFilesTest {

    @TempDir
    Path folder;

    @Test
    void pemFilesRoundTripAndNameTheirDepartment() throws IOException {
        SignerKey signer = TestKeys.REV_SIGNER;
        KeyFiles.writePrivateKey(signer.privateKey(), folder.resolve("signer.key.pem"));
        KeyFiles.writeCertificate(signer.certificate(), folder.resolve("signer.pem"));

        SignerKey loaded = KeyFiles.loadPem(folder.resolve("signer.key.pem"), folder.resolve("signer.pem"));

        assertThat(loaded.department()).isEqualTo(TestKeys.REV);
        assertThat(loaded.kid()).isEqualTo(signer.kid());
        assertThat(Files.readString(folder.resolve("signer.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificateIsRefusedAtLoad() throws IOException {
        KeyFiles.writePrivateKey(TestKeys.HLT_SIGNER.privateKey(), folder.resolve("wrong.key.pem"));
        KeyFiles.writeCertificate(TestKeys.REV_SIGNER.certificate(), folder.resolve("signer.pem"));

        assertThatThrownBy(() -> KeyFiles.loadPem(folder.resolve("wrong.key.pem"), folder.resolve("signer.pem")))
                .hasMessageContaining("does not belong to certificate");
    }

    @Test
    void aFileThatIsNotAKeySaysSo() throws IOException {
        Files.writeString(folder.resolve("junk.pem"), "hello");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(folder.resolve("junk.pem")))
                .hasMessageContaining("does not hold an unencrypted PKCS#8 private key");
        assertThatThrownBy(() -> KeyFiles.readCertificate(folder.resolve("junk.pem")))
                .hasMessageContaining("does not hold an X.509 certificate");
    }

    @Test
    void pkcs12WithOneKeyLoadsAndWithTwoAsksWhichOne() throws Exception {
        char[] password = "changeit".toCharArray();
        Path one = pkcs12(password, "rev");
        Path two = pkcs12(password, "rev", "hlt");

        assertThat(KeyFiles.loadPkcs12(one, password, null).kid()).isEqualTo(TestKeys.REV_SIGNER.kid());
        assertThat(KeyFiles.loadPkcs12(two, password, "hlt").department()).isEqualTo(TestKeys.HLT);
        assertThatThrownBy(() -> KeyFiles.loadPkcs12(two, password, null)).hasMessageContaining("name the one to use");
        assertThatThrownBy(() -> KeyFiles.loadPkcs12(one, "wrong".toCharArray(), null)).isInstanceOf(IOException.class);
    }

    @Test
    void developmentKeysAreMadeOnceAndKeptBetweenRuns() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
        List<DepartmentCode> departments = List.of(DepartmentCode.of("REV"), DepartmentCode.of("MAUD"));

        DevelopmentPki first = DevelopmentPki.open(folder, departments, clock);
        DevelopmentPki second = DevelopmentPki.open(folder, departments, clock);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.signer(DepartmentCode.of("MAUD")).kid()).isEqualTo(first.signer(DepartmentCode.of("MAUD")).kid());
        assertThat(second.root().certificate()).isEqualTo(first.root().certificate());
    }

    private Path pkcs12(char[] password, String... aliases) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (String alias : aliases) {
            SignerKey key = alias.equals("rev") ? TestKeys.REV_SIGNER : TestKeys.HLT_SIGNER;
            store.setKeyEntry(alias, key.privateKey(), password, new Certificate[] {key.certificate(), TestKeys.ROOT.certificate()});
        }
        Path file = folder.resolve(String.join("-", aliases) + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
