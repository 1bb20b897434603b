package org.pramaan.credential.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.credential.qr.QrCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign a certificate from a JSON file and write its QR code.")
final class SignCommand implements Callable<Integer> {

    @Option(names = "--key", required = true, description = "Signer private key, PKCS#8 PEM.")
    Path key;

    @Option(names = "--cert", required = true, description = "Signer certificate, PEM (subject OU = department code).")
    Path certificate;

    @Option(names = "--input", required = true, description = "The certificate as JSON.")
    Path input;

    @Option(names = "--verifier-url", defaultValue = "${env:VERIFIER_BASE_URL:-http://localhost:8082}",
            description = "Verifier base URL the QR opens (default: ${DEFAULT-VALUE}).")
    String verifierUrl;

    @Option(names = "--png", description = "Write the QR code as PNG here.")
    Path png;

    @Option(names = "--svg", description = "Write the QR code as SVG here.")
    Path svg;

    @Override
    public Integer call() throws Exception {
        SignerKey signerKey = KeyFiles.loadPem(key, certificate);
        SignedCredential credential = new CredentialSigner(signerKey).sign(
                CertificateRequest.read(input).toClaims(signerKey.department(), Clock.systemUTC()));
        String url = credential.url(verifierUrl);
        QrCode qr = QrCode.encode(url);
        if (png != null) {
            Files.write(png, qr.png(8));
        }
        if (svg != null) {
            Files.writeString(svg, qr.svg());
        }
        Printer.signed(credential, url, qr);
        return 0;
    }
}
