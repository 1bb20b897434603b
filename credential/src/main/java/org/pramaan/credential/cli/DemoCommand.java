package org.pramaan.credential.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.credential.qr.QrCode;
import org.pramaan.credential.qr.QrImageReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Make development keys, sign a sample income certificate, write its QR as PNG, read it back and verify it.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = ".pramaan", description = "Working folder (default: ${DEFAULT-VALUE}).")
    Path folder;

    @Option(names = "--verifier-url", defaultValue = "${env:VERIFIER_BASE_URL:-http://localhost:8082}",
            description = "Verifier base URL the QR opens (default: ${DEFAULT-VALUE}).")
    String verifierUrl;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        Path keys = folder.resolve("keys");
        System.out.println("1. Development keys");
        DevelopmentPki pki = DevelopmentPki.open(keys, List.of(SampleCertificate.REVENUE), clock);
        SignerKey signer = pki.signer(SampleCertificate.REVENUE);
        System.out.println("   " + (pki.created() ? "created" : "reusing") + " state root CA and REV signer (kid "
                + signer.kid() + ") in " + keys.toAbsolutePath());

        System.out.println("2. Sign a sample income certificate");
        SignedCredential credential = new CredentialSigner(signer).sign(SampleCertificate.incomeCertificate(clock.instant()));
        String url = credential.url(verifierUrl);
        QrCode qr = QrCode.encode(url);
        Printer.signed(credential, url, qr);

        System.out.println("3. Write the QR code");
        Path png = folder.resolve("demo-certificate-qr.png");
        Files.createDirectories(folder);
        Files.write(png, qr.png(8));
        Files.writeString(folder.resolve("demo-certificate-qr.svg"), qr.svg());
        System.out.println("   " + png.toAbsolutePath() + " (and .svg)");

        System.out.println("4. Read the QR code back from the PNG and verify it");
        String read = QrImageReader.read(png).orElseThrow(() -> new IllegalStateException("the QR code in " + png + " could not be read"));
        CredentialVerifier verifier = new CredentialVerifier(TrustList.build(pki.root().certificate(),
                List.of(new TrustedSigner(signer.department(), signer.certificate()))), clock);
        CredentialCheck check = verifier.verify(read);
        Printer.check(check);

        System.out.println("5. Change one character of the QR text and verify again");
        CredentialCheck tampered = verifier.verify(Tampering.changeOneCharacter(url));
        System.out.println("   Status: " + tampered.outcome() + " - " + tampered.reason());
        return check.signatureValid() && !tampered.signatureValid() ? 0 : 1;
    }
}
