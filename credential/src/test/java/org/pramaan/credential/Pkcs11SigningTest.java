package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.Pkcs11Keys;
import org.pramaan.credential.keys.SignerKey;

/**
 * A department key in a hardware module, through Java's SunPKCS11 provider: SoftHSM2 stands in for
 * the state's HSM. The key is put on a fresh token, read back as a token key, and a credential it
 * signs (inside the token) verifies against the state root. Needs Debian's {@code softhsm2}: without
 * it this test fails and says so; it never skips.
 */
class Pkcs11SigningTest {

    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
    private static final String MISSING = "SoftHSM2 is not installed: run 'apt-get install softhsm2' (.ci/run installs"
            + " it); the PKCS#11 signing test needs it and does not skip";

    @Test
    void aKeyOnTheTokenSignsCredentialsThatVerify() throws Exception {
        Path library = LIBRARIES.stream().map(Path::of).filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING + " (no libsofthsm2.so in " + LIBRARIES + ")"));
        Path util = Stream.of("/usr/bin/softhsm2-util", "/usr/local/bin/softhsm2-util").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING + " (no softhsm2-util)"));
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf).as("the build sets SOFTHSM2_CONF for tests (root pom, surefire)").isNotBlank();

        // SoftHSM2 reads SOFTHSM2_CONF when the module loads: a token folder of this run's own.
        Path home = Path.of(conf).getParent();
        Path tokens = home.resolve("tokens-" + System.nanoTime());
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\n", StandardCharsets.UTF_8);
        String slot = initToken(util, conf);
        Path config = home.resolve("pkcs11-" + slot + ".cfg");
        Files.writeString(config, "name = PramaanTest" + slot + "\nlibrary = " + library + "\nslot = " + slot + "\n",
                StandardCharsets.UTF_8);

        Instant now = Instant.now();
        CertificateAuthority root = CertificateAuthority.createRoot("Pkcs11 Test Root", now.minus(Duration.ofDays(1)),
                Duration.ofDays(30));
        SignerKey provisioned = root.issueSigner(TestKeys.REV, now.minus(Duration.ofDays(1)), Duration.ofDays(30));
        Pkcs11Keys token = Pkcs11Keys.open(config, "1234".toCharArray());
        token.store("REV-signer", provisioned);

        List<SignerKey> onToken = Pkcs11Keys.open(config, "1234".toCharArray()).signers();
        assertThat(onToken).hasSize(1);
        SignerKey key = onToken.get(0);
        assertThat(key.department()).isEqualTo(TestKeys.REV);
        assertThat(key.kid()).isEqualTo(provisioned.kid());
        assertThat(key.privateKey().getClass().getName()).as("a handle to the token's key, not key bytes")
                .contains("P11");

        SignedCredential signed = new CredentialSigner(key).sign(Samples.income(now.minusSeconds(5)));
        TrustList trust = TrustList.build(root.certificate(), List.of(new TrustedSigner(TestKeys.REV,
                provisioned.certificate())));
        CredentialCheck check = new CredentialVerifier(trust, java.time.Clock.systemUTC()).verify(signed.url("https://v"));
        assertThat(check.outcome()).as(check.reason()).isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
    }

    /** Initialises a token on the first free slot; SoftHSM2 reassigns it a slot id, which it prints. */
    private static String initToken(Path util, String conf) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", "pramaan-test",
                "--pin", "1234", "--so-pin", "5678").redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("softhsm2-util finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        assertThat(slot.find()).as(output).isTrue();
        return slot.group(1);
    }
}
