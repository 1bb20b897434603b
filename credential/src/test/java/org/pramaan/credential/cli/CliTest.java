package org.pramaan.credential.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool as department IT staff use it: keys, sign from JSON, verify text and image. */
class CliTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(originalOut);
    }

    @Test
    void versionNamesTheActiveCryptoProvider() {
        assertThat(PramaanCredentialCli.run("--version")).isZero();

        assertThat(output()).contains("pramaan-credential 0.1",
                "crypto provider: " + org.pramaan.credential.CryptoProvider.active().description());
    }

    @Test
    void demoSignsWritesAndVerifiesTheSampleCertificate() {
        int exit = PramaanCredentialCli.run("demo", "--dir", folder.toString(), "--verifier-url", "https://verify.example.gov.in");

        assertThat(exit).as(output()).isZero();
        assertThat(folder.resolve("demo-certificate-qr.png")).isNotEmptyFile();
        assertThat(folder.resolve("keys/REV/signer.pem")).isNotEmptyFile();
        assertThat(output()).contains("Status: SIGNATURE VALID", SampleCertificate.HOLDER_NAME, "Status: MALFORMED");
    }

    @Test
    void signThenVerifyTextAndImage() throws Exception {
        Path keys = folder.resolve("keys");
        assertThat(PramaanCredentialCli.run("keys", "--dir", keys.toString(), "--department", "REV")).isZero();
        Path input = folder.resolve("certificate.json");
        Files.writeString(input, """
                {"type": "RES", "holderName": "Shaik Abdul Rahim", "language": "en", "validDays": 30,
                 "fields": {"village": "Mangalagiri", "district": "Guntur"}}
                """);
        Path png = folder.resolve("qr.png");

        int signed = PramaanCredentialCli.run("sign", "--key", keys.resolve("REV/signer.key.pem").toString(),
                "--cert", keys.resolve("REV/signer.pem").toString(), "--input", input.toString(),
                "--verifier-url", "https://verify.example.gov.in", "--png", png.toString(),
                "--svg", folder.resolve("qr.svg").toString());
        assertThat(signed).as(output()).isZero();
        Matcher text = Pattern.compile("QR text\\s+(\\S+)").matcher(output());
        assertThat(text.find()).isTrue();

        String[] trust = {"--root", keys.resolve("root-ca.pem").toString(), "--signer", keys.resolve("REV/signer.pem").toString()};
        assertThat(PramaanCredentialCli.run(concat(new String[] {"verify", "--text", text.group(1)}, trust))).isZero();
        assertThat(PramaanCredentialCli.run(concat(new String[] {"verify", "--image", png.toString()}, trust))).isZero();
        assertThat(output()).contains("Shaik Abdul Rahim", "Mangalagiri");
        assertThat(PramaanCredentialCli.run(concat(new String[] {"verify", "--text", "NOT-A-CREDENTIAL"}, trust))).isEqualTo(1);
    }

    @Test
    void aJsonFileWithAnUnknownFieldIsRefused() throws Exception {
        Path keys = folder.resolve("keys");
        PramaanCredentialCli.run("keys", "--dir", keys.toString());
        Path input = folder.resolve("typo.json");
        Files.writeString(input, "{\"type\": \"INC\", \"holderName\": \"A\", \"feilds\": {}}");

        int exit = PramaanCredentialCli.run("sign", "--key", keys.resolve("REV/signer.key.pem").toString(),
                "--cert", keys.resolve("REV/signer.pem").toString(), "--input", input.toString());

        assertThat(exit).isNotZero();
        assertThat(output()).doesNotContain("Signed certificate");
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
